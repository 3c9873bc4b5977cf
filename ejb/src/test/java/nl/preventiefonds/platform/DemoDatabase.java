package nl.preventiefonds.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;

/**
 * The run command's embedded database for tests: H2 in MariaDB mode (the URL of
 * wildfly-config/datasource-h2-demo.cli), migrated by Flyway, under the real persistence unit with its MySQL
 * dialect. Services run here outside the container, their collaborators set by {@link #inject}.
 */
public final class DemoDatabase implements AutoCloseable {
    private final EntityManagerFactory factory;

    public DemoDatabase(String name) {
        String url = "jdbc:h2:mem:" + name
                + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH";
        Flyway.configure().dataSource(url, "sa", "sa").locations("classpath:db/migration").load().migrate();
        factory = Persistence.createEntityManagerFactory("preventiefonds", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "sa",
                "eclipselink.target-server", "None",
                "eclipselink.logging.level", "WARNING"));
    }

    public EntityManager entityManager() {
        return factory.createEntityManager();
    }

    /** A JPQL count with positional parameters (?1, ?2, ...), in a transaction of its own. */
    public long count(String jpql, Object... parameters) {
        return inTransaction(em -> {
            var query = em.createQuery(jpql, Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }

    /** Runs {@code work} in one transaction of a fresh entity manager, rolled back when it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Sets a container-injected field ({@code @PersistenceContext}, {@code @EJB}, {@code @Inject}). */
    public static <T> T inject(T target, String field, Object value) {
        Class<?> type = target.getClass();
        while (type != null) {
            try {
                Field f = type.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return target;
            } catch (NoSuchFieldException e) {
                type = type.getSuperclass();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no field " + field + " in " + target.getClass());
    }

    @Override
    public void close() {
        factory.close();
    }
}
