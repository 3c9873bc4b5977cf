package nl.preventiefonds.platform;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The installation's own settings, read through MicroProfile Config: a system property (standalone.xml, -D), an
 * environment variable (PREVENTIEFONDS_PUBLIC_URL for preventiefonds.public.url) or any config source WildFly offers.
 * Each name and its default is documented in docs/admin-guide.md, section "Settings".
 */
public final class Settings {
    /** With {@link #ADMIN_PASSWORD}: the first installation administrator, created at start when there is none. */
    public static final String ADMIN_EMAIL = "preventiefonds.admin.email";
    public static final String ADMIN_PASSWORD = "preventiefonds.admin.password";
    /** The address in links of mails. Default: the address of the request that causes the mail. */
    public static final String PUBLIC_URL = "preventiefonds.public.url";
    /** false: mails go to the server log, not to SMTP. Default true. */
    public static final String MAIL_DELIVER = "preventiefonds.mail.deliver";
    /** Where an objection is sent, in letters. Default: the college of the municipality. */
    public static final String OBJECTION_ADDRESS = "preventiefonds.objection.address";
    /** The court named for an appeal against a decision on objection. Default: the municipality's district court. */
    public static final String APPEAL_COURT = "preventiefonds.appeal.court";
    /** The account a reclaim is paid back to, in letters. Default: none (the letter says: to the municipality). */
    public static final String RECLAIM_IBAN = "preventiefonds.reclaim.iban";
    /** The 360Giving publisher prefix. Default: 360G- and the CBS code of the municipality. */
    public static final String OPENDATA_PREFIX = "preventiefonds.opendata.prefix";
    /** The 360Giving funder identifier. Default: the prefix and the CBS code. */
    public static final String OPENDATA_FUNDER_ID = "preventiefonds.opendata.funder.id";
    /** Loads the demo world. Never in production. Default false. */
    public static final String DEMO = "preventiefonds.demo";
    /** Lets system tests move the clock (TestClockResource). Never in production. Default false. */
    public static final String CLOCK_ADJUSTABLE = "preventiefonds.clock.adjustable";

    /** Scan every upload for malware before it is stored (clamd). Default false: no scanning, files NOT_SCANNED. */
    public static final String SCAN_ENABLED = "preventiefonds.scan.enabled";
    /** The clamd host. Default 127.0.0.1. */
    public static final String SCAN_CLAMD_HOST = "preventiefonds.scan.clamd.host";
    /** clamd's TCPSocket. Default 3310. */
    public static final String SCAN_CLAMD_PORT = "preventiefonds.scan.clamd.port";
    /** How long to wait for a connection to clamd, in milliseconds. Default 2000. */
    public static final String SCAN_CONNECT_TIMEOUT_MS = "preventiefonds.scan.connect.timeout.ms";
    /** How long to wait for clamd's verdict, in milliseconds. Default 60000. */
    public static final String SCAN_READ_TIMEOUT_MS = "preventiefonds.scan.read.timeout.ms";

    private Settings() {
    }

    /** The value, stripped; empty when unset or blank. */
    public static Optional<String> text(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    public static String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /** true or false as written (any case); the fallback when unset or anything else. */
    public static boolean flag(String name, boolean fallback) {
        return text(name).map(value -> value.equalsIgnoreCase("true") ? Boolean.TRUE
                : value.equalsIgnoreCase("false") ? Boolean.FALSE : null).orElse(fallback);
    }

    /** A whole number as written; the fallback when unset, and an error when it is not a number (a typo must show). */
    public static int number(String name, int fallback) {
        return text(name).map(Integer::parseInt).orElse(fallback);
    }
}
