package io.jixiao.reminder;

import io.jixiao.security.CurrentUser;
import io.jixiao.shared.NotFound;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications; another user's are not found. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  record NotificationList(int unread, List<Notifications.Notification> items) {}

  private final Notifications notifications;
  private final CurrentUser user;

  NotificationController(Notifications notifications, CurrentUser user) {
    this.notifications = notifications;
    this.user = user;
  }

  @GetMapping
  NotificationList list() {
    String me = user.username();
    return new NotificationList(notifications.unread(me), notifications.of(me));
  }

  @PostMapping("/{id}/read")
  ResponseEntity<Notifications.Notification> read(@PathVariable long id) {
    String me = user.username();
    if (!notifications.markRead(id, me)) {
      throw new NotFound("没有这条通知");
    }
    return ResponseEntity.ok(notifications.find(id, me).orElseThrow());
  }
}
