package io.jixiao.web;

import io.jixiao.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal a page did not turn into a message of its own (e.g. a report id of another unit in the
 * address bar) becomes the error page with the status the API would give, never a 500.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

  @ExceptionHandler(DomainException.class)
  ModelAndView refused(DomainException e, HttpServletResponse response) {
    int status = DomainProblems.status(e).value();
    response.setStatus(status);
    ModelAndView page = new ModelAndView("error");
    page.addObject("status", status);
    page.addObject("detail", e.getMessage());
    return page;
  }
}
