package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.preventiefonds.platform.SecretBox;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The staff providers' client secrets stored in plain text before V90 are encrypted with the installation's key
 * (SecretBox): in Java, as SQL cannot reach the key. Values already encrypted are left as they are.
 */
public class V91__encrypt_client_secrets extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<Long, String> plain = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT municipality_id, client_secret FROM municipal_login");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String stored = rows.getString(2);
                if (stored != null && !SecretBox.isEncrypted(stored)) {
                    plain.put(rows.getLong(1), stored);
                }
            }
        }
        if (plain.isEmpty()) {
            return;
        }
        SecretBox box = SecretBox.installation();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE municipal_login SET client_secret = ? WHERE municipality_id = ?")) {
            for (Map.Entry<Long, String> row : plain.entrySet()) {
                update.setString(1, box.encrypt(row.getValue()));
                update.setLong(2, row.getKey());
                update.executeUpdate();
            }
        }
    }
}
