package org.lakou.site.internal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.lakou.shared.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the page controllers as pages in the layout, in the reader's language, instead of the
 * API's ProblemDetail JSON. Page controllers are exactly the controllers hidden from the OpenAPI
 * document ({@link Hidden}), so that marker selects them; this advice runs before the API's.
 */
@ControllerAdvice(annotations = Hidden.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e, HttpServletResponse response) {
        return page(e.status().value(), e.getMessage(), response);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        IllegalArgumentException.class})
    ModelAndView badRequest(Exception e, HttpServletResponse response) {
        return page(400, e.getMessage(), response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletResponse response) {
        return page(403, null, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Unhandled error on a page", e);
        return page(500, null, response);
    }

    static ModelAndView page(int status, String detail, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status);
        mav.addObject("detail", detail);
        return mav;
    }
}
