package io.groupdeal.interfaces.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings a request whose path has a malformed percent escape (or an escaped control character) to {@link RequestLimits}, which answers it with a 400
 * problem+json. Payara's web container decodes the path before any filter of ours runs, and on such a path it answered
 * an empty 400 (bad UTF-8) or even an empty 200 with a SEVERE stack trace in the log ({@code %zz}); no setting changes
 * that. So this listener adds a probe to the Grizzly HTTP filter of each of Payara's listeners: it is called with the
 * parsed request just before the container sees it, and replaces a malformed path by {@link RequestLimits#MALFORMED_PATH}.
 *
 * <p>Grizzly's and Payara's classes are not part of the application's compile path, so they are reached by reflection.
 * Where they are not found (another server), the listener says so in the log and the container's own answer stays.
 * The probe is removed when the application stops, so no reference to it outlives a redeploy.
 */
public class MalformedPathProbe implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(MalformedPathProbe.class.getName());

    /** Each monitoring config the probe was added to, with the probe array to remove from it. */
    private final List<Object[]> installed = new ArrayList<>();

    private Method removeProbes;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            install(event.getServletContext().getContextPath() + RequestLimits.MALFORMED_PATH);
            LOG.info(() ->
                    "Malformed paths get a problem answer: probe added to " + installed.size() + " HTTP listener(s).");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            LOG.log(
                    Level.WARNING,
                    "Could not add the malformed-path probe to the HTTP listeners; the server answers such paths"
                            + " itself",
                    unavailable);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        for (Object[] entry : installed) {
            try {
                removeProbes.invoke(entry[0], new Object[] {entry[1]});
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove the malformed-path probe", e);
            }
        }
        installed.clear();
    }

    private void install(String target) throws ReflectiveOperationException {
        Class<?> globals = Class.forName("org.glassfish.internal.api.Globals");
        Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator");
        Class<?> grizzlyService = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService");
        Class<?> grizzlyProxy = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyProxy");
        Class<?> listenerType = Class.forName("org.glassfish.grizzly.config.GenericGrizzlyListener");
        Class<?> filterType = Class.forName("org.glassfish.grizzly.http.server.HttpServerFilter");
        Class<?> probeType = Class.forName("org.glassfish.grizzly.http.server.HttpServerProbe");
        Class<?> monitoringType = Class.forName("org.glassfish.grizzly.monitoring.MonitoringConfig");

        Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
        Object service = locatorType
                .getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, grizzlyService, new Annotation[0]);
        Field proxiesField = grizzlyService.getDeclaredField("proxies");
        proxiesField.setAccessible(true);
        Collection<?> proxies = (Collection<?>) proxiesField.get(service);

        Object probes = Array.newInstance(probeType, 1);
        Array.set(
                probes,
                0,
                Proxy.newProxyInstance(probeType.getClassLoader(), new Class<?>[] {probeType}, new Rewrite(target)));
        // MonitoringConfig<E>.addProbes(E...): erased to Object[]; the array itself must be of the probe type.
        Method addProbes = monitoringType.getMethod("addProbes", Object[].class);
        removeProbes = monitoringType.getMethod("removeProbes", Object[].class);
        for (Object proxy : proxies) {
            if (!grizzlyProxy.isInstance(proxy)) {
                continue;
            }
            Object listener = grizzlyProxy.getMethod("getUnderlyingListener").invoke(proxy);
            if (!listenerType.isInstance(listener)) {
                continue;
            }
            for (Object filter :
                    (List<?>) listenerType.getMethod("getFilters", Class.class).invoke(listener, filterType)) {
                Object monitoring = filterType.getMethod("getMonitoringConfig").invoke(filter);
                addProbes.invoke(monitoring, new Object[] {probes});
                installed.add(new Object[] {monitoring, probes});
            }
        }
        if (installed.isEmpty()) {
            throw new IllegalStateException("no Grizzly HTTP server filter found");
        }
    }

    /** The probe: on each request received, a malformed path is replaced before the container decodes it. */
    private static final class Rewrite implements InvocationHandler {

        private final String target;
        private final Method getPacket;
        private final Method getUri;
        private final Method setUri;
        private final Method setQuery;

        Rewrite(String target) throws ReflectiveOperationException {
            this.target = target;
            getPacket =
                    Class.forName("org.glassfish.grizzly.http.server.Request").getMethod("getRequest");
            Class<?> packetType = Class.forName("org.glassfish.grizzly.http.HttpRequestPacket");
            getUri = packetType.getMethod("getRequestURI");
            setUri = packetType.getMethod("setRequestURI", String.class);
            setQuery = packetType.getMethod("setQueryString", String.class);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "onRequestReceiveEvent" -> rewrite(args[2]);
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "GroupDeal malformed-path probe";
                }
                default -> {
                    // every other event of the request is of no interest
                }
            }
            return null;
        }

        /** Never throws: the probe runs outside the listener's error handling, and a request must not fail here. */
        private void rewrite(Object request) {
            try {
                Object packet = getPacket.invoke(request);
                String uri = (String) getUri.invoke(packet);
                if (uri != null && uri.indexOf('%') >= 0 && !RequestLimits.acceptablePath(uri)) {
                    setUri.invoke(packet, target);
                    setQuery.invoke(packet, "");
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "The malformed-path probe could not look at a request", e);
            }
        }
    }
}
