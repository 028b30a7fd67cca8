package io.groupdeal.infrastructure.database;

import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the two readers of a failure's chain of causes ({@link DatabaseOutage}, {@link TransactionConflict}) have in
 * common: a bug or a statement the database refused is neither, and a cycle of causes ends the walk.
 */
class CausesTest {

    static Stream<Named<Predicate<Throwable>>> readers() {
        return Stream.of(
                Named.of("outage", DatabaseOutage::isCauseOf), Named.of("conflict", TransactionConflict::isCauseOf));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void aBugOrARefusedStatementIsNeither(Predicate<Throwable> isCauseOf) {
        assertFalse(isCauseOf.test(new EJBException(new NullPointerException())));
        assertFalse(isCauseOf.test(
                new PersistenceException(new SQLIntegrityConstraintViolationException("dup", "23000", 1062))));
        assertFalse(isCauseOf.test(new SQLException("syntax", "42000")));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void aCycleOfCausesEnds(Predicate<Throwable> isCauseOf) {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(isCauseOf.test(b));
    }
}
