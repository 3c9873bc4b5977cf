package nl.preventiefonds.decision;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * A decision maker's batch, e.g. after settling a call's ranking: many decisions in one request. Each is taken by
 * {@link DecisionService#decide} in a transaction of its own (roles, four-eyes, budget, letter, mail and audit as for
 * one decision), several at a time on the server's managed executor, so that a batch of 500 takes seconds rather than
 * one decision after another. A refused decision does not stop the others and leaves nothing behind.
 */
@Stateless
@RolesAllowed(RoleNames.DECISION_MAKER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DecisionBatch {
    public static final int MAX_ITEMS = 1000;
    /** Two per core: a decision spends about half of its time waiting for the database. */
    static final int WORKERS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    private static final Logger LOG = Logger.getLogger(DecisionBatch.class.getName());

    /** One application to decide and how. */
    public record Item(long applicationId, DecisionForm form) implements Serializable {
    }

    /** What became of one item: its decision, or why there is none. */
    public record Outcome(long applicationId, DecisionService.DecisionResult result, List<Problem> problems)
            implements Serializable {
        public boolean decided() {
            return result != null;
        }
    }

    @Inject
    private DecisionService decisions;

    @Resource
    private ManagedExecutorService executor;

    /** The outcomes in the order of the items. */
    public List<Outcome> decideAll(List<Item> items) {
        if (items == null || items.isEmpty()) {
            throw new ValidationFailedException("decision.batchEmpty");
        }
        if (items.size() > MAX_ITEMS) {
            throw ValidationFailedException.of("decision.batchTooLarge", MAX_ITEMS);
        }
        if (items.stream().mapToLong(Item::applicationId).distinct().count() < items.size()) {
            throw new ValidationFailedException("decision.batchDuplicate");
        }
        Outcome[] outcomes = new Outcome[items.size()];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(WORKERS, items.size()); w++) {
            workers.add(executor.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < items.size();) {
                    outcomes[i] = decide(items.get(i));
                }
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("decision batch interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("decision batch failed", e.getCause());
        }
        return Arrays.asList(outcomes);
    }

    private Outcome decide(Item item) {
        long id = item.applicationId();
        try {
            return new Outcome(id, decisions.decide(id, item.form() == null ? new DecisionForm() : item.form()),
                    List.of());
        } catch (ValidationFailedException e) {
            return new Outcome(id, null, e.getProblems());
        } catch (AccessDeniedException | EJBAccessException e) {
            return new Outcome(id, null, List.of(Problem.of("decision.batchNotAllowed")));
        } catch (RuntimeException e) {
            // Rolled back like any failed decision; the others go on. Details only in the log.
            LOG.log(Level.WARNING, "decision of application " + id + " in a batch failed", e);
            return new Outcome(id, null, List.of(Problem.of("decision.batchFailed")));
        }
    }
}
