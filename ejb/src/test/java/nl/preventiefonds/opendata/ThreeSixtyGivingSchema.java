package nl.preventiefonds.opendata;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/** The official 360Giving package schema (test resource, see threesixtygiving/README.md), offline. */
final class ThreeSixtyGivingSchema {
    private static final JsonSchema PACKAGE = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/",
                            "classpath:threesixtygiving/")
                    .mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/",
                            "classpath:threesixtygiving/")))
            .getSchema(SchemaLocation.of("classpath:threesixtygiving/360-giving-package-schema.json"),
                    // The schema's dates are oneOf [format date-time, pattern]: only with format
                    // assertions on (as 360Giving's own checker does) is exactly one branch valid.
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private ThreeSixtyGivingSchema() {
    }

    static List<String> problems(String json) {
        return PACKAGE.validate(json, InputFormat.JSON).stream().map(ValidationMessage::toString).toList();
    }
}
