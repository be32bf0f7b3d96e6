package com.scfledger.platform.kyc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A unified social credit code with a correct GB 32100-2015 check character (null is left to @NotBlank). */
@Documented
@Constraint(validatedBy = ValidUscc.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface ValidUscc {
    String message() default "is not a valid unified social credit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidUscc, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var problem = UnifiedSocialCreditCode.problem(value);
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("is not a valid unified social credit code (GB 32100-2015): "
                    + problem.get().replace("{", "(").replace("}", ")")).addConstraintViolation();
            return false;
        }
    }
}
