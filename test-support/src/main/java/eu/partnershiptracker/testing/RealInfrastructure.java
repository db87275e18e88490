package eu.partnershiptracker.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands tests an {@link Infrastructure} backed by a real KRaft broker and a real Apicurio
 * Registry: {@code @ExtendWith(RealInfrastructure.class)} on the class, then an {@code Infrastructure} parameter on a
 * test method, lifecycle method or constructor.
 *
 * <p>Both are started once per test JVM, on first use, and stopped when the whole run ends: they live in the root
 * extension store, whose get-or-compute is atomic, so concurrent tests share one start. The registry distribution is
 * found through the {@code apicurio.home} system property, which the build passes to every module's tests.
 */
public final class RealInfrastructure implements ParameterResolver {

    private static final String APICURIO_HOME_PROPERTY = "apicurio.home";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealInfrastructure.class);

    @Override
    public boolean supportsParameter(final ParameterContext parameterContext, final ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Infrastructure resolveParameter(final ParameterContext parameterContext,
                                           final ExtensionContext extensionContext) {
        return extensionContext.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(InfrastructureResource.class, key -> InfrastructureResource.start(apicurioHome()),
                        InfrastructureResource.class)
                .infrastructure();
    }

    private static Path apicurioHome() {
        final String home = System.getProperty(APICURIO_HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new ParameterResolutionException("system property " + APICURIO_HOME_PROPERTY + " is not set; the "
                    + "build sets it to <project root>/target/apicurio (see the surefire configuration in the root "
                    + "pom), elsewhere pass -D" + APICURIO_HOME_PROPERTY + "=<that directory>");
        }
        return Path.of(home);
    }
}
