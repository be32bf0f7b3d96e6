package com.scfledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Method security runs when the controller method is called, that is after its body was read and validated:
 * a caller without the role or scope would learn about its body (400) before being told no (403). This checks
 * a handler's {@link PreAuthorize} before any argument is bound; method security still checks it again.
 * Our expressions never refer to the method's arguments, so none are needed here.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizeBeforeBinding implements WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && isGuarded(method)) {
                    AuthorizationResult result = preAuthorize.authorize(
                            () -> SecurityContextHolder.getContext().getAuthentication(),
                            new SimpleMethodInvocation(method.getBean(), method.getMethod()));
                    if (result != null && !result.isGranted()) {
                        throw new AuthorizationDeniedException("Access Denied", result);
                    }
                }
                return true;
            }
        });
    }

    private static boolean isGuarded(HandlerMethod method) {
        return method.hasMethodAnnotation(PreAuthorize.class)
                || method.getBeanType().isAnnotationPresent(PreAuthorize.class);
    }
}
