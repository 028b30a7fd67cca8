package io.groupdeal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import org.junit.jupiter.api.Test;

/**
 * The layers of {@code architecture.md}, checked on the compiled classes of every module: the domain
 * ({@code deal-persistence}) depends on nothing above it and knows no EJB; the application ({@code deal-ejb}) knows
 * neither REST nor pages; the pages ({@code interfaces.web}) do not use the REST API's DTOs, and the REST resources
 * do not use the pages' beans; SQL is written only in the domain's repositories and in infrastructure. A violation
 * names the class and the dependency.
 */
class LayersTest {

    private static final JavaClasses PRODUCT = ProductClasses.ALL;

    @Test
    void theDomainDependsOnNothingAboveIt() {
        noClasses()
                .that()
                .resideInAPackage("io.groupdeal.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.groupdeal.application..", "io.groupdeal.interfaces..")
                .check(PRODUCT);
    }

    @Test
    void theDomainKnowsNoEjbNorHttp() {
        noClasses()
                .that()
                .resideInAPackage("io.groupdeal.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ejb..", "jakarta.ws.rs..", "jakarta.faces..", "jakarta.servlet..")
                .check(PRODUCT);
    }

    @Test
    void theApplicationKnowsNeitherRestNorPages() {
        noClasses()
                .that()
                .resideInAPackage("io.groupdeal.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.groupdeal.interfaces..", "jakarta.ws.rs..", "jakarta.faces..")
                .check(PRODUCT);
    }

    /**
     * SQL has one home: the domain's repositories (through {@code NativeSql}, or JPA) and the infrastructure (the data
     * source, the sandbox gateway's own ledger). An application service, a resource or a page that wants rows asks a
     * repository, so every statement and the tenant it names are found in {@code io.groupdeal.domain}. The development
     * launcher ({@code io.groupdeal.devserver}, never deployed) makes the embedded database's schema itself.
     */
    @Test
    void sqlIsWrittenOnlyInTheDomainAndTheInfrastructure() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.groupdeal.domain..", "io.groupdeal.infrastructure..", "io.groupdeal.devserver..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.groupdeal.domain.shared.NativeSql")
                .orShould()
                .callMethodWhere(NATIVE_QUERY)
                .check(PRODUCT);
    }

    /** A call of {@code createNativeQuery} of JPA's {@code EntityManager}. */
    private static final DescribedPredicate<JavaMethodCall> NATIVE_QUERY =
            new DescribedPredicate<>("EntityManager.createNativeQuery") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTarget().getName().equals("createNativeQuery")
                            && call.getTarget().getOwner().isAssignableTo("jakarta.persistence.EntityManager");
                }
            };

    /**
     * Pages show what the application answers, not the API's wire format: a page bean built from a REST DTO would
     * change when the API does. What the API and the pages share (problem documents and their words, the CSV reports,
     * money as text, the photos' addresses) lives beside both, in {@code interfaces.problem}, {@code interfaces.csv},
     * {@code interfaces.money} and {@code interfaces.media}.
     */
    @Test
    void pagesDoNotUseTheRestApisDtos() {
        noClasses()
                .that()
                .resideInAPackage("io.groupdeal.interfaces.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.groupdeal.interfaces.rest..")
                .check(PRODUCT);
    }

    @Test
    void theApiDoesNotUsePages() {
        noClasses()
                .that()
                .resideInAPackage("io.groupdeal.interfaces.rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.groupdeal.interfaces.web..")
                .check(PRODUCT);
    }
}
