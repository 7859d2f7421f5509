package io.weir.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.jobmaster.JobMasterGateway;
import io.weir.runtime.resourcemanager.ResourceManagerGateway;
import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Every argument and result of the cluster's gateway methods can cross the control plane: a
 * primitive, a gateway (it travels by reference), or a type that is {@link Serializable}. A record
 * added to a gateway without {@code implements Serializable} works in one JVM and fails only
 * between processes (a checkpoint acknowledgement silently never arriving), so it is caught here.
 */
class GatewaySignaturesTest {
    private static final List<Class<?>> GATEWAYS = List.of(ResourceManagerGateway.class, TaskExecutorGateway.class,
            JobMasterGateway.class, DispatcherGateway.class, BlobGateway.class);

    @Test
    void everyArgumentAndResultCanTravel() {
        List<String> cannot = new ArrayList<>();
        for (Class<?> gateway : GATEWAYS) {
            for (Method method : gateway.getMethods()) {
                for (Type parameter : method.getGenericParameterTypes()) {
                    check(parameter, gateway, method, cannot);
                }
                check(method.getGenericReturnType(), gateway, method, cannot);
            }
        }
        assertTrue(cannot.isEmpty(), "types that cannot cross the control plane: " + cannot);
    }

    private static void check(Type type, Class<?> gateway, Method method, List<String> cannot) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw == CompletableFuture.class) {
                check(parameterized.getActualTypeArguments()[0], gateway, method, cannot);
                return;
            }
            check(raw, gateway, method, cannot);
            return;
        }
        if (!(type instanceof Class<?> clazz) || clazz.isPrimitive() || clazz == Void.class || clazz.isArray()) {
            return; // type variables and wildcards are checked where they are bound; arrays of primitives travel
        }
        boolean isGateway = GATEWAYS.stream().anyMatch(g -> g.isAssignableFrom(clazz));
        // an interface or open class may be implemented by a serializable class; a final one must be one itself
        boolean mustBeSerializable = Modifier.isFinal(clazz.getModifiers()) || clazz.isRecord() || clazz.isEnum();
        if (!isGateway && mustBeSerializable && !Serializable.class.isAssignableFrom(clazz)) {
            cannot.add(gateway.getSimpleName() + "." + method.getName() + ": " + clazz.getName());
        }
    }
}
