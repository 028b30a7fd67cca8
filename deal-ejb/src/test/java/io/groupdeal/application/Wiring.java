package io.groupdeal.application;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.account.Role;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * A boundary for a unit test, put together as the container would: each field the container fills ({@code @Inject},
 * {@code @EJB}, {@code @PersistenceContext}, {@code @Resource}) gets the given object of its type (a mock, a fixed clock, a caller).
 * A part that fits no such field fails the test, so a test never believes it replaced something the bean does not use.
 */
public final class Wiring {

    private Wiring() {}

    public static <T> T wire(T bean, Object... parts) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> type = bean.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class)
                        || field.isAnnotationPresent(EJB.class)
                        || field.isAnnotationPresent(PersistenceContext.class)
                        || field.isAnnotationPresent(Resource.class)) {
                    fields.add(field);
                }
            }
        }
        for (Object part : parts) {
            boolean used = false;
            for (Field field : fields) {
                if (field.getType().isInstance(part)) {
                    set(bean, field, part);
                    used = true;
                }
            }
            if (!used) {
                throw new IllegalArgumentException(
                        bean.getClass().getSimpleName() + " has no injected field for " + part);
            }
        }
        return bean;
    }

    /**
     * A field by its name: one the container fills from configuration ({@code @ConfigProperty}), or an injected one
     * that a test names rather than matches by type.
     */
    public static <T> T configure(T bean, String name, Object value) {
        try {
            set(bean, bean.getClass().getDeclaredField(name), value);
            return bean;
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(bean.getClass().getSimpleName() + " has no field " + name, e);
        }
    }

    private static void set(Object bean, Field field, Object value) {
        try {
            field.setAccessible(true);
            field.set(bean, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller as the authentication module leaves it: a merchant admin of the tenant. */
    public static Caller merchantAdmin(String tenantId) {
        return caller(new CallerAccount(
                "admin-of-" + tenantId,
                "admin@shop.example",
                "Admin",
                Role.MERCHANT_ADMIN,
                tenantId,
                "Shop",
                10,
                null));
    }

    public static Caller buyer(String accountId) {
        return caller(new CallerAccount(accountId, "buyer@example.com", "Bea Buyer", Role.BUYER, null, null, 0, null));
    }

    public static Caller caller(CallerAccount account) {
        Caller caller = new Caller();
        caller.authenticated(account);
        return caller;
    }

    /** The field names of a refusal's errors, in order. */
    public static List<String> fields(io.groupdeal.application.problem.Problem problem) {
        return problem.errors().stream()
                .map(io.groupdeal.application.problem.InvalidInput.FieldError::field)
                .toList();
    }
}
