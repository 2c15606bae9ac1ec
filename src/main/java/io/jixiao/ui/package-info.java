/**
 * The server-rendered pages (Thymeleaf + htmx): task list, package editor and review views, history. Pages
 * call the same use cases as the API; Chinese first, English second.
 */
package io.jixiao.ui;
