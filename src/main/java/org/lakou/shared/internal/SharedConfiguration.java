package org.lakou.shared.internal;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.lakou.shared.StorageProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** One clock for the whole app, so tests can move time for due dates and datestamps. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Fail fast while MongoDB is down (a 503, see ProblemDetailAdvice); the driver reconnects by itself. */
    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(StorageProperties storage) {
        long wait = storage.mongoTimeout().toMillis();
        long read = storage.mongoReadTimeout().toMillis();
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(wait, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) wait, TimeUnit.MILLISECONDS)
                        .readTimeout((int) read, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(p -> p.maxWaitTime(wait, TimeUnit.MILLISECONDS));
    }
}
