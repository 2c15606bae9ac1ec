package io.jixiao.ui;

import org.springframework.stereotype.Component;

/** HTML ids for finding paths ({@code overall.indicators[2].weight}), safe for anchors and htmx targets. */
@Component("ids")
class Ids {

  /** The id of a field or row: {@code f-overall-indicators-2-weight}. */
  public String field(String path) {
    return "f-" + path.replaceAll("[^A-Za-z0-9_#-]+", "-").replace("#", "_").replaceAll("-+$", "");
  }

  /** The id of a row's live suggested-score cell. */
  public String suggestion(String rowPath) {
    return "s" + field(rowPath).substring(1);
  }
}
