package nl.preventiefonds.platform.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.security.Principal;
import java.util.Iterator;
import java.util.logging.Logger;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.RoleRequiredException;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The pages' one exception handler, in front of PrimeFaces' (faces-config.xml). A broken rule
 * ({@code ValidationFailedException}) from an action, listener or view action is shown with {@link ProblemMessages}
 * on the page the user is on, ajax or not, with what was typed still in the fields, each problem at the field the
 * action bound it to ({@link FieldProblems}); so an action just calls its service. Someone else's object
 * ({@code AccessDeniedException}) answers like a missing one (404) and a missing role (a
 * {@code RoleRequiredException}, an {@code EJBAccessException}) 403: on a GET as the error page, on a
 * postback as a message; each refusal is one WARN line without a stack trace. Everything else goes on to
 * PrimeFaces' handler and the error pages.
 */
public class ProblemExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ProblemExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {
        private static final Logger LOG = Logger.getLogger(ProblemExceptionHandlerFactory.class.getName());

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces != null) {
                Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                while (events.hasNext()) {
                    if (answered(faces, events.next().getContext().getException())) {
                        events.remove();
                    }
                }
            }
            getWrapped().handle();
        }

        /** True when the exception is one of ours and has been answered. */
        private static boolean answered(FacesContext faces, Throwable e) {
            ValidationFailedException rule = find(e, ValidationFailedException.class);
            boolean forbidden = rule instanceof RoleRequiredException || find(e, EJBAccessException.class) != null;
            boolean hidden = find(e, AccessDeniedException.class) != null;
            boolean changedMeanwhile = find(e, jakarta.persistence.OptimisticLockException.class) != null;
            boolean rendering = faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
            if (!forbidden && !hidden && rule == null && !changedMeanwhile) {
                return false;
            }
            if (forbidden || hidden) {
                log(faces, forbidden ? 403 : 404, e);
            }
            if (faces.isPostback() && !rendering) {
                if (forbidden && rule == null) {
                    Messages.error(null, "problem.403.detail");
                } else if (hidden) {
                    Messages.error(null, "problem.404.detail");
                } else if (rule != null) {
                    FieldProblems.Binding binding = FieldProblems.current(faces);
                    if (binding.summaryKey() != null) {
                        Messages.error(null, binding.summaryKey());
                    }
                    ProblemMessages.add(rule.getProblems(), binding.fieldOf());
                } else {
                    Messages.error(null, "api.changedMeanwhile");
                }
                // The same view again, its inputs as typed: nothing after the failed step runs.
                faces.validationFailed();
                faces.renderResponse();
                return true;
            }
            // A page opened (GET): a refusal or an unknown object is the error page with its status.
            boolean notFound = hidden || rule != null && !forbidden
                    && rule.getMessageKeys().stream().anyMatch(key -> key.endsWith(".notFound"));
            if (forbidden || notFound) {
                return sendError(faces, forbidden ? 403 : 404);
            }
            if (rule != null && !rendering) {
                // A rule a view action broke (a filter out of range): said on the page, which still shows.
                ProblemMessages.add(rule.getProblems());
                faces.renderResponse();
                return true;
            }
            return false;
        }

        private static boolean sendError(FacesContext faces, int status) {
            ExternalContext external = faces.getExternalContext();
            if (external.isResponseCommitted()) {
                return false;
            }
            try {
                external.responseReset();
                external.responseSendError(status, null);
                faces.responseComplete();
                return true;
            } catch (IOException | IllegalStateException failed) {
                return false;
            }
        }

        private static void log(FacesContext faces, int status, Throwable e) {
            ExternalContext external = faces.getExternalContext();
            Principal user = external.getUserPrincipal();
            Object request = external.getRequest();
            String method = request instanceof jakarta.servlet.http.HttpServletRequest http ? http.getMethod() : "?";
            String path = external.getRequestServletPath() + (external.getRequestPathInfo() == null ? ""
                    : external.getRequestPathInfo());
            String reason = root(e).getMessage();
            LOG.warning(() -> "Page access refused (" + status + "): " + (user == null ? "anonymous" : user.getName())
                    + " " + method + " " + path + ": " + reason);
        }

        private static Throwable root(Throwable e) {
            Throwable found = e;
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof EJBAccessException || cause instanceof AccessDeniedException
                        || cause instanceof ValidationFailedException) {
                    return cause;
                }
                found = cause;
            }
            return found;
        }

        static <T extends Throwable> T find(Throwable e, Class<T> type) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (type.isInstance(cause)) {
                    return type.cast(cause);
                }
            }
            return null;
        }
    }
}
