package nl.preventiefonds.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under /api; the same services and per-object checks as the pages. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
