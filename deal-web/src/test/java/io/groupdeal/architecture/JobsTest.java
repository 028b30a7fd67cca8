package io.groupdeal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.groupdeal.application.ScheduledJob;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A job bean that works outside transactions ({@code @TransactionAttribute(NOT_SUPPORTED)} on the class, each step
 * committing on its own) has no {@code @Schedule} method: Payara gives a schedule method of a session bean a
 * transaction whatever the class or the method says, and the whole run would then be one transaction, holding every
 * row it touched across the mail server's and the gateway's answers. Such a job is a {@link ScheduledJob}: timed by
 * the timer it makes as it starts, run from its {@code @Timeout} method, which keeps the attribute ({@code JobRun}
 * refuses a run inside a transaction). A class-level attribute covers only the methods its class declares, so the base
 * and every job carry it; and the timer is started only once the schema is migrated.
 */
class JobsTest {

    private static final DescribedPredicate<JavaAnnotation<?>> NOT_SUPPORTED = DescribedPredicate.describe(
            "@TransactionAttribute(NOT_SUPPORTED)",
            annotation -> annotation.getRawType().isEquivalentTo(TransactionAttribute.class)
                    && annotation
                            .get("value")
                            .map(value -> value instanceof JavaEnumConstant constant
                                    && constant.name().equals(TransactionAttributeType.NOT_SUPPORTED.name()))
                            .orElse(false));

    private static final JavaClasses PRODUCT = ProductClasses.ALL;

    @Test
    void aJobOutsideTransactionsHasNoScheduleMethod() {
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(NOT_SUPPORTED)
                .should()
                .beAnnotatedWith(Schedule.class)
                .check(PRODUCT);
    }

    @Test
    void everyScheduledJobWorksOutsideTransactions() {
        classes()
                .that()
                .areAssignableTo(ScheduledJob.class)
                .should()
                .beAnnotatedWith(NOT_SUPPORTED)
                .check(PRODUCT);
    }

    @Test
    void everyScheduledJobStartsOnceTheSchemaIsMigrated() {
        classes()
                .that()
                .areAssignableTo(ScheduledJob.class)
                .and()
                .doNotHaveModifier(JavaModifier.ABSTRACT)
                .should()
                .beAnnotatedWith(Singleton.class)
                .andShould()
                .beAnnotatedWith(Startup.class)
                .andShould()
                .beAnnotatedWith(DescribedPredicate.describe(
                        "@DependsOn(\"DatabaseMigration\")",
                        annotation -> annotation.getRawType().isEquivalentTo(DependsOn.class)
                                && annotation
                                        .get("value")
                                        .map(value -> value instanceof String[] names
                                                && List.of(names).contains("DatabaseMigration"))
                                        .orElse(false)))
                .check(PRODUCT);
    }

    @Test
    void onlyScheduledJobHasATimeoutMethod() {
        methods()
                .that()
                .areAnnotatedWith(Timeout.class)
                .should()
                .beDeclaredIn(ScheduledJob.class)
                .because("a job's runs go through JobRun, which keeps them apart and refuses a transaction")
                .check(PRODUCT);
    }
}
