package dev.companysso.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: gives tests a {@link TestEnvironment}. The first suite that asks starts it; it lives in the
 * root context store, so every suite of the run shares one Keycloak, and JUnit closes it when the run ends.
 */
public final class CompanySsoEnvironmentExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestEnvironment.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return environment(context);
    }

    public static TestEnvironment environment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestEnvironment.class, key -> TestEnvironment.start(), TestEnvironment.class);
    }
}
