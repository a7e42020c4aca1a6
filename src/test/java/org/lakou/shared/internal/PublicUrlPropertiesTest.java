package org.lakou.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code lakou.public-url} and {@code lakou.files.public-url} as the application binds them. */
class PublicUrlPropertiesTest {

    private static PublicUrlProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("lakou", PublicUrlProperties.class);
    }

    @Test
    void theFilesOriginIsBoundWithoutItsTrailingSlash() {
        PublicUrlProperties p = bind(Map.of("lakou.public-url", "https://lakou.example.org/",
                "lakou.files.public-url", "https://fichiers.example.org/"));
        assertThat(p.normalised()).isEqualTo("https://lakou.example.org");
        assertThat(p.filesNormalised()).isEqualTo("https://fichiers.example.org");
        assertThat(new RequestPublicUrl(p, null).filesBase()).hasValue("https://fichiers.example.org");
    }

    @Test
    void unsetMeansNoFilesOrigin() {
        PublicUrlProperties p = bind(Map.of("lakou.storage.mode", "embedded"));
        assertThat(p.filesNormalised()).isNull();
        assertThat(new RequestPublicUrl(p, null).filesBase()).isEmpty();
    }
}
