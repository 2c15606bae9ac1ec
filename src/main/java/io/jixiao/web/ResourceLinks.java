package io.jixiao.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * No {@link ResourceUrlEncodingFilter}. Boot registers it whenever the resource chain is on (webjars-locator
 * makes it so), and Thymeleaf then sends every {@code @{...}} link of a page through the resource
 * resolvers: with static resources mapped at {@code /**}, each row's {@code /reports/<id>} is looked up
 * as a file in every jar of the classpath, uncached because it is never found — a task page of 100
 * rows spent most of its time there (issue 13's profile, README "Benchmark"). Nothing here needs the
 * rewriting (no fingerprinted URLs): the version-less webjar link {@code /webjars/htmx.org/dist/htmx.min.js}
 * is still resolved when it is requested.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncoding() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setEnabled(false);
    return registration;
  }
}
