package org.lakou.shared.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Embedded unless the operator chose external storage or pointed {@code spring.mongodb.uri} somewhere. */
class EmbeddedMongoCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        boolean external = "external".equalsIgnoreCase(env.getProperty("lakou.storage.mode", "embedded"));
        return !external && !env.containsProperty("spring.mongodb.uri");
    }
}
