package org.lakou.oai.internal;

import java.time.Clock;
import java.time.Duration;

import org.lakou.shared.PublicUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The provider's parts: plain classes, wired here so tests can build them over fakes. */
@Configuration(proxyBeanMethods = false)
class OaiConfiguration {

    @Bean
    SetSpecs oaiSetSpecs(SubjectVocabulary vocabulary) {
        return new SetSpecs(vocabulary);
    }

    @Bean
    DublinCoreRenderer oaiDublinCoreRenderer(SubjectVocabulary vocabulary) {
        return new DublinCoreRenderer(vocabulary);
    }

    @Bean
    ModsRenderer oaiModsRenderer(OaiProperties properties, SubjectVocabulary vocabulary) {
        return new ModsRenderer(properties, vocabulary);
    }

    @Bean
    SetCatalogue oaiSetCatalogue(SetSpecs specs, OaiRecordSource source, ThesaurusVocabulary vocabulary, Clock clock) {
        SetCatalogue catalogue = new SetCatalogue(specs, source, clock, Duration.ofMinutes(10));
        vocabulary.onChange(catalogue::invalidate);
        return catalogue;
    }

    @Bean
    TokenKeys oaiTokenKeys(OaiProperties properties, MongoTemplate mongo, Clock clock) {
        return new MongoTokenKeys(properties, mongo, clock);
    }

    @Bean
    OaiProvider oaiProvider(OaiProperties properties, PublicUrl publicUrl, OaiRecordSource source, SetCatalogue sets,
            TokenKeys keys, Clock clock) {
        return new OaiProvider(properties, new OaiAddress(properties, publicUrl), source, sets, keys, clock);
    }
}
