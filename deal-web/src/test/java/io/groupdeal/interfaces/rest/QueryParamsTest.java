package io.groupdeal.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.domain.deal.DealStatus;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query parameters read by type: absent and blank are null, anything else reads or is refused naming the parameter. */
class QueryParamsTest {

    private final QueryParams params = new QueryParams();

    @SuppressWarnings("unused")
    private void signatures(
            @QueryParam("size") Integer size,
            @QueryParam("lat") Double lat,
            @QueryParam("date") LocalDate date,
            @QueryParam("status") DealStatus status,
            @QueryParam("rating") @QueryParams.WholeNumberBetween(min = 1, max = 5) Integer rating,
            @HeaderParam("X-Count") Integer header) {}

    private <T> ParamConverter<T> converter(Class<T> type, int index) throws NoSuchMethodException {
        Method method = getClass()
                .getDeclaredMethod(
                        "signatures",
                        Integer.class,
                        Double.class,
                        LocalDate.class,
                        DealStatus.class,
                        Integer.class,
                        Integer.class);
        Annotation[] annotations = method.getParameterAnnotations()[index];
        return params.getConverter(type, type, annotations);
    }

    private static FieldError refusal(ParamConverter<?> converter, String text) {
        List<FieldError> errors = assertThrows(InvalidInput.class, () -> converter.fromString(text))
                .errors();
        assertEquals(1, errors.size());
        return errors.get(0);
    }

    @Test
    void absentAndBlankAreNullAndValuesAreStripped() throws Exception {
        ParamConverter<Integer> size = converter(Integer.class, 0);
        assertNull(size.fromString(null));
        assertNull(size.fromString("  "));
        assertEquals(42, size.fromString(" 42 "));
        assertEquals(LocalDate.of(2026, 11, 23), converter(LocalDate.class, 2).fromString("2026-11-23"));
        assertEquals(DealStatus.DRAFT, converter(DealStatus.class, 3).fromString("DRAFT"));
        assertEquals(-33.5, converter(Double.class, 1).fromString("-33.5"));
    }

    @Test
    void aValueThatDoesNotReadIsRefusedNamingTheParameterAndTheRule() throws Exception {
        FieldError size = refusal(converter(Integer.class, 0), "abc");
        assertEquals("size", size.field());
        assertEquals("whole-number", size.rule());
        assertEquals("number", refusal(converter(Double.class, 1), "NaN").rule());
        assertEquals("number", refusal(converter(Double.class, 1), "Infinity").rule());
        FieldError day = refusal(converter(LocalDate.class, 2), "2026-13-01");
        assertEquals("date", day.field());
        assertEquals("date-such-as", day.rule());
        assertEquals(
                "day-in-years",
                refusal(converter(LocalDate.class, 2), "0001-01-01").rule());
        FieldError status = refusal(converter(DealStatus.class, 3), "draft");
        assertEquals("one-of", status.rule());
        assertEquals(
                String.join(
                        ", ",
                        java.util.Arrays.stream(DealStatus.values())
                                .map(Enum::name)
                                .toList()),
                status.args().get(0));
    }

    @Test
    void aBoundedNumberIsRefusedWithItsBoundsWhenOutsideThemOrNotANumber() throws Exception {
        ParamConverter<Integer> rating = converter(Integer.class, 4);
        assertEquals(5, rating.fromString("5"));
        for (String text : List.of("0", "6", "abc", "2.5")) {
            FieldError refused = refusal(rating, text);
            assertEquals("rating", refused.field());
            assertEquals("whole-number-between", refused.rule());
            assertEquals(List.of(1, 5), refused.args());
        }
    }

    @Test
    void parametersOtherThanQueryParametersAreLeftToJaxRs() throws Exception {
        assertNull(converter(Integer.class, 5));
        assertNull(params.getConverter(String.class, String.class, new Annotation[0]));
    }
}
