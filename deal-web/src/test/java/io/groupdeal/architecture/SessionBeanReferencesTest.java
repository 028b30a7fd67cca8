package io.groupdeal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A session bean is reached through the container's own reference ({@code @EJB}), never through CDI
 * ({@code @Inject}). Through CDI, every call first goes through Weld's proxy, which asks Payara for the bean's
 * business object on each call; for a bean without an interface (all of the product's) Payara finds it by throwing and
 * catching an {@code IllegalArgumentException}, stack trace included: about 1 % of a purchase's CPU in the purchase
 * bench's profile (bench/README.md, "Costs removed from the purchase"), paid again by every other request.
 *
 * <p>Except in the pages' view- and session-scoped beans: those go into the HTTP session, which a cluster serializes
 * into its data grid ({@link ReplicatedStateTest}), and there Weld's proxy, which serializes as a reference to the
 * bean, stands in for the session bean. They serve people at human pace.
 */
class SessionBeanReferencesTest {

    private static final JavaClasses PRODUCT = ProductClasses.ALL;

    private static final DescribedPredicate<JavaClass> OUTSIDE_THE_HTTP_SESSION = DescribedPredicate.describe(
            "are neither view- nor session-scoped",
            type -> !type.isAnnotatedWith(ViewScoped.class) && !type.isAnnotatedWith(SessionScoped.class));

    private static final DescribedPredicate<JavaClass> SESSION_BEAN = DescribedPredicate.describe(
            "a @Stateless or @Singleton session bean",
            type -> type.isAnnotatedWith(Stateless.class) || type.isAnnotatedWith(Singleton.class));

    @Test
    void sessionBeansAreNotInjectedThroughCdi() {
        noFields()
                .that()
                .areAnnotatedWith(Inject.class)
                .and()
                .areDeclaredInClassesThat(OUTSIDE_THE_HTTP_SESSION)
                .should()
                .haveRawType(SESSION_BEAN)
                .because("Payara looks a session bean's business object up on every call made through Weld's proxy")
                .check(PRODUCT);
    }
}
