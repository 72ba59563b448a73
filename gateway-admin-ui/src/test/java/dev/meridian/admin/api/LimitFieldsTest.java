package dev.meridian.admin.api;

import java.math.BigDecimal;
import java.util.List;

import dev.meridian.db.governance.Budget;
import dev.meridian.db.governance.BudgetPeriod;
import dev.meridian.db.governance.Limits;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the limit fields of a create or a PATCH apply to the current limits. */
class LimitFieldsTest {

	private static final Limits CURRENT = new Limits(List.of("gpt-4o"), 60, 1000L,
			new Budget(new BigDecimal("50"), BudgetPeriod.MONTHLY));

	@Test
	void fieldsLeftOutKeepTheirValueAndNullClearsThem() {
		assertThat(read("{}", CURRENT)).isEqualTo(CURRENT);
		assertThat(read("{\"models\": null, \"rpm_limit\": null}", CURRENT))
			.isEqualTo(new Limits(null, null, 1000L, CURRENT.budget()));
		assertThat(read("{\"max_budget_usd\": null}", CURRENT).budget()).isNull();
	}

	@Test
	void aBudgetKeepsItsPeriodOrIsATotalBudget() {
		assertThat(read("{\"max_budget_usd\": 75}", CURRENT).budget())
			.isEqualTo(new Budget(new BigDecimal("75"), BudgetPeriod.MONTHLY));
		assertThat(read("{\"budget_period\": \"daily\"}", CURRENT).budget())
			.isEqualTo(new Budget(new BigDecimal("50"), BudgetPeriod.DAILY));
		assertThat(read("{\"budget_period\": null}", CURRENT).budget())
			.isEqualTo(new Budget(new BigDecimal("50"), BudgetPeriod.TOTAL));
		assertThat(read("{\"max_budget_usd\": 0.25}", Limits.NONE).budget())
			.isEqualTo(new Budget(new BigDecimal("0.25"), BudgetPeriod.TOTAL));
	}

	@Test
	void aPeriodWithoutABudgetIsAProblem() {
		assertThatThrownBy(() -> read("{\"budget_period\": \"weekly\"}", Limits.NONE))
			.isInstanceOfSatisfying(AdminApiException.class, ex -> assertThat(ex.param()).isEqualTo("budget_period"));
		assertThatThrownBy(() -> read("{\"max_budget_usd\": null, \"budget_period\": \"weekly\"}", CURRENT))
			.isInstanceOfSatisfying(AdminApiException.class, ex -> assertThat(ex.param()).isEqualTo("budget_period"));
	}

	@Test
	void anInvalidBudgetIsOneProblemNotTwo() {
		assertThatThrownBy(() -> read("{\"max_budget_usd\": -1, \"budget_period\": \"weekly\"}", Limits.NONE))
			.isInstanceOfSatisfying(AdminApiException.class,
					ex -> assertThat(ex.fields()).extracting(FieldProblem::param).containsExactly("max_budget_usd"));
	}

	@Test
	void modelsAreDistinctNamesInTheOrderGiven() {
		assertThat(read("{\"models\": [\"b\", \"a\", \"b\"]}", Limits.NONE).models()).containsExactly("b", "a");
		assertThatThrownBy(() -> read("{\"models\": [\"a\", 3]}", Limits.NONE)).isInstanceOf(AdminApiException.class);
	}

	private static Limits read(String json, Limits current) {
		RequestFields fields = RequestFields.of(JsonMapper.shared().readTree(json), LimitFields.NAMES);
		Limits limits = LimitFields.read(fields, current);
		fields.check();
		return limits;
	}

}
