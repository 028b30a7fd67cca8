package io.groupdeal.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pages' view and session state lives in the HTTP session, which a cluster keeps in its data grid: every field a
 * view- or session-scoped bean holds (but what CDI injects, which it proxies) must be serializable, down to the records
 * in its lists, or the server logs "Cannot serialize session attribute" and a page loses its state when its member
 * dies. Checked on the declared types: a collection interface counts by its elements.
 */
class ReplicatedStateTest {

    private static final Set<Class<?>> COLLECTIONS = Set.of(List.class, Set.class, Collection.class, Map.class);

    @Test
    void viewAndSessionScopedBeansHoldOnlySerializableState() throws Exception {
        List<Class<?>> beans = new ArrayList<>();
        for (JavaClass bean : ProductClasses.ALL) {
            if (bean.getPackageName().startsWith("io.groupdeal.interfaces")
                    && (bean.isAnnotatedWith(ViewScoped.class) || bean.isAnnotatedWith(SessionScoped.class))) {
                beans.add(Class.forName(bean.getName()));
            }
        }
        assertFalse(beans.isEmpty(), "the pages' beans were found");
        List<String> broken = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                broken.add(bean.getName() + " is not Serializable");
            }
            for (Class<?> c = bean; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers)
                            || Modifier.isTransient(modifiers)
                            || field.isAnnotationPresent(Inject.class)) {
                        continue;
                    }
                    if (!serializable(field.getGenericType())) {
                        broken.add(bean.getSimpleName() + "." + field.getName() + ": " + field.getGenericType());
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> "state that cannot go into the session:\n  " + String.join("\n  ", broken));
    }

    private static boolean serializable(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return serializable(c.getComponentType());
            }
            return c.isPrimitive() || (Serializable.class.isAssignableFrom(c) && fieldsOfRecord(c));
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            boolean container = COLLECTIONS.contains(raw) || Serializable.class.isAssignableFrom(raw);
            for (Type argument : p.getActualTypeArguments()) {
                container &= serializable(argument);
            }
            return container;
        }
        if (type instanceof GenericArrayType array) {
            return serializable(array.getGenericComponentType());
        }
        return false; // a type variable or wildcard: unknown, so not
    }

    /** A serializable record is only as serializable as its components. */
    private static boolean fieldsOfRecord(Class<?> c) {
        if (!c.isRecord()) {
            return true;
        }
        for (var component : c.getRecordComponents()) {
            if (!serializable(component.getGenericType())) {
                return false;
            }
        }
        return true;
    }
}
