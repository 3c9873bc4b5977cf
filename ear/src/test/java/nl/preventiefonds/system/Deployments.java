package nl.preventiefonds.system;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The system tests deploy the EAR exactly as the build produced it. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive builtEar() {
        File ear = new File(System.getProperty("pf.ear", "target/preventiefonds.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("EAR not built yet: " + ear.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The built EAR with in-container test classes added to its web module. */
    static EnterpriseArchive builtEarWithTestClasses(Class<?>... testClasses) {
        EnterpriseArchive ear = builtEar();
        String webModule = "preventiefonds-web.war";
        WebArchive web = ear.getAsType(WebArchive.class, webModule);
        web.addClasses(testClasses).addClass(Deployments.class);
        ear.delete(webModule);
        return ear.addAsModule(web);
    }
}
