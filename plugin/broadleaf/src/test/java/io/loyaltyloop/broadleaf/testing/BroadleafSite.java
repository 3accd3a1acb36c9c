package io.loyaltyloop.broadleaf.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.broadleafcommerce.common.extensibility.context.MergeClassPathXMLApplicationContext;
import org.broadleafcommerce.common.extensibility.context.StandardConfigLocations;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Broadleaf 3.1.15's real service context on in-memory HSQLDB with the module's patch merged, as a
 * site merges it: one per test JVM (it boots in a few seconds). The recipe (data sources, merged
 * persistence units, JVM flags) comes from the Broadleaf spike in the design notes.
 */
public final class BroadleafSite {

    /** The module's patch plus what the site itself would define. */
    static final String[] PATCHES = {"bl-loyaltyloop-applicationContext.xml", "loyaltyloop-test-site.xml"};

    private static MergeClassPathXMLApplicationContext context;

    private BroadleafSite() {}

    public static synchronized MergeClassPathXMLApplicationContext context() {
        if (context == null) {
            try {
                List<String> sources = new ArrayList<>(
                        Arrays.asList(StandardConfigLocations.retrieveAll(StandardConfigLocations.SERVICECONTEXTTYPE)));
                context = new MergeClassPathXMLApplicationContext(sources.toArray(new String[0]), PATCHES);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the Broadleaf context files", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    public static <T> T bean(String name, Class<T> type) {
        return context().getBean(name, type);
    }

    public static JdbcTemplate jdbc() {
        DataSource dataSource =
                bean("blTransactionManager", JpaTransactionManager.class).getDataSource();
        return new JdbcTemplate(dataSource);
    }

    /**
     * Runs {@code work} as a storefront request would: a Broadleaf request context and one
     * EntityManager open for the whole request (OpenEntityManagerInView).
     */
    public static <T> T inRequest(ThrowingSupplier<T> work) throws Exception {
        EntityManagerFactory emf = bean("entityManagerFactory", EntityManagerFactory.class);
        BroadleafRequestContext.setBroadleafRequestContext(new BroadleafRequestContext());
        TransactionSynchronizationManager.bindResource(emf, new EntityManagerHolder(emf.createEntityManager()));
        try {
            return work.get();
        } finally {
            EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager.unbindResource(emf);
            holder.getEntityManager().close();
            BroadleafRequestContext.setBroadleafRequestContext(null);
        }
    }

    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
