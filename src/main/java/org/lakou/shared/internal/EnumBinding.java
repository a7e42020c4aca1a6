package org.lakou.shared.internal;

import org.lakou.shared.EnumCodes;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalConverter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * One spelling for Lakou's enums wherever they cross HTTP ({@link EnumCodes}): a converter for
 * query parameters and path variables, and a Jackson deserializer for bodies that reports an
 * unknown value with the value and the target type, so the error can list what is allowed.
 * Other enums (Spring's, Jackson's) keep their default handling.
 */
@Configuration(proxyBeanMethods = false)
class EnumBinding implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new StringToLakouEnum());
    }

    @Bean
    JsonMapperBuilderCustomizer lakouEnumSpelling() {
        SimpleModule module = new SimpleModule("lakou-enums");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
                return EnumCodes.isLakouEnum(type.getRawClass()) ? new LakouEnumDeserializer(type.getRawClass())
                        : deserializer;
            }
        });
        return builder -> builder.addModule(module);
    }

    /** Registered after Spring's own String-to-enum factory, so it is asked first; it declines foreign enums. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class StringToLakouEnum implements ConverterFactory<String, Enum>, ConditionalConverter {

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return EnumCodes.isLakouEnum(targetType.getType());
        }

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return text -> text.isBlank() ? null : (T) EnumCodes.parse((Class) targetType, text);
        }
    }

    static final class LakouEnumDeserializer extends StdScalarDeserializer<Object> {

        LakouEnumDeserializer(Class<?> type) {
            super(type);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getString();
            try {
                return EnumCodes.parse((Class) handledType(), text);
            } catch (EnumCodes.UnknownValue e) {
                return ctxt.handleWeirdStringValue(handledType(), text, "not one of the allowed values");
            }
        }
    }
}
