package io.groupdeal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.Schedule;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.junit.jupiter.api.Test;

/**
 * A job bean that works outside transactions ({@code @TransactionAttribute(NOT_SUPPORTED)} on the class, each step
 * committing on its own) has no {@code @Schedule} method: Payara gives a schedule method of a session bean a
 * transaction whatever the class or the method says, and the whole run would then be one transaction, holding every
 * row it touched across the mail server's and the gateway's answers. Such a job is timed by {@code JobRun.every} and
 * runs from its {@code @Timeout} method, which keeps the class's attribute ({@code JobRun} refuses a run inside a
 * transaction).
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

    @Test
    void aJobOutsideTransactionsHasNoScheduleMethod() {
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(NOT_SUPPORTED)
                .should()
                .beAnnotatedWith(Schedule.class)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.groupdeal"));
    }
}
