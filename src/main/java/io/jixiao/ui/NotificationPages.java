package io.jixiao.ui;

import io.jixiao.reminder.Notifications;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 通知: the viewer's reminders and escalations, newest first; marking one read in place (htmx). */
@Controller
class NotificationPages {

  private final Notifications notifications;
  private final CurrentUser user;

  NotificationPages(Notifications notifications, CurrentUser user) {
    this.notifications = notifications;
    this.user = user;
  }

  @GetMapping("/notifications")
  String list(Model model) {
    model.addAttribute("notifications", notifications.of(user.username()));
    return "notifications";
  }

  /** The item comes back read, and the header's bell with its new count (out of band). */
  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable long id, Model model) {
    String me = user.username();
    if (!notifications.markRead(id, me)) {
      throw new NotFound("没有这条通知");
    }
    model.addAttribute("n", notifications.find(id, me).orElseThrow());
    model.addAttribute("unreadNotifications", notifications.unread(me));
    return "notifications :: read";
  }
}
