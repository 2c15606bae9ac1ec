package io.jixiao.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to the current request with one query parameter changed, relative so they hold behind any proxy. */
public final class Links {

  private Links() {}

  /** This request's path and query with {@code parameter} set to {@code value}; null when value is null. */
  public static String withParameter(String parameter, String value) {
    if (value == null) {
      return null;
    }
    var link = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(parameter, value).build();
    return link.getPath() + "?" + link.getQuery();
  }
}
