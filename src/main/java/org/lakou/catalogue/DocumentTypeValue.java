package org.lakou.catalogue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A null type is allowed on drafts; otherwise it must be one of {@link DocumentTypes#KNOWN}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DocumentTypeValue.Validator.class)
public @interface DocumentTypeValue {

    String message() default "unknown document type; see DocumentTypes.KNOWN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DocumentTypeValue, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || DocumentTypes.isKnown(value);
        }
    }
}
