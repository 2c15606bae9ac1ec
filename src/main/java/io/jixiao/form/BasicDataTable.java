package io.jixiao.form;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * 部门整体支出绩效评价基础数据表 (附件1).
 *
 * @param establishment  编制数
 * @param staffInPost    实际在职人数
 * @param costs          经费控制情况 rows
 * @param buildings      楼堂馆所控制情况
 * @param frugality      厉行节约保障措施
 */
public record BasicDataTable(
    @Min(0) Integer establishment,
    @Min(0) Integer staffInPost,
    @Size(max = Limits.COST_ROWS) List<@Valid CostRow> costs,
    @Size(max = Limits.BUILDINGS) List<@Valid BuildingRow> buildings,
    @Size(max = 20000) String frugality) {

  public BasicDataTable {
    costs = costs == null ? List.of() : List.copyOf(costs);
    buildings = buildings == null ? List.of() : List.copyOf(buildings);
  }
}
