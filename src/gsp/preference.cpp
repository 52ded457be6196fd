// The GSP preference engine: arrangement, coverage, graduation, duty and papers.
#include "fairport/gsp/preference.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fairport/data/countries.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

constexpr const char* reg_978 = "Regulation (EU) No 978/2012";
constexpr const char* reg_2447 = "Commission Implementing Regulation (EU) 2015/2447";
/// Annex 22-07 (the statement on origin) is an annex of the Delegated Regulation.
constexpr const char* annex_22_07 = "Commission Delegated Regulation (EU) 2015/2446, Annex 22-07";
constexpr std::string_view rex_threshold_id = "gsp_rex_statement_on_origin";

// ---- formatting -----------------------------------------------------------------------------

std::string cn_number(const decimal& d) {
  std::string s = d.normalized().to_string();
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string percent_text(const decimal& fraction) {
  return cn_number(fraction * decimal(100)) + " %";
}

std::string specific_text(const specific_duty& s) {
  return cn_number(s.amount) + " " + s.currency.to_string() + "/" + s.per;
}

/// "18,7 % + 10,06 EUR/100kg", "15 EUR/100kg - 7 EUR/100kg": a MIN or MAX branch as written.
std::string bound_text(const duty_bound& b) {
  std::string s;
  if (b.ad_valorem) s = percent_text(*b.ad_valorem);
  if (b.specific) s += (s.empty() ? "" : " + ") + specific_text(*b.specific);
  if (b.deduction) s += " - " + specific_text(*b.deduction);
  return s;
}

/// The dataset record the duty figures come from: "eu_gsp_duty_rules 2026.1.0 /records/0".
std::string record_of(const gsp_duty_rules_record& rules) {
  return rules.source.dataset + " " + rules.source.version + " " + rules.source.pointer;
}

std::string two_digits(int chapter) {
  return std::string(1, static_cast<char>('0' + chapter / 10 % 10)) +
         static_cast<char>('0' + chapter % 10);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

std::string format_duty(const duty_expression& d) {
  if (!d.modelled) return d.text.empty() ? std::string("not computable") : d.text;
  if (d.is_free() && !d.maximum) return "free";
  std::string s;
  if (d.ad_valorem) s = percent_text(*d.ad_valorem);
  if (d.specific) {
    if (!s.empty()) s += " + ";
    s += specific_text(*d.specific);
  }
  if (d.minimum) s += " MIN " + bound_text(*d.minimum);
  if (d.maximum) s += " MAX " + bound_text(*d.maximum);
  return s;
}

namespace {

duty_expression free_duty() {
  duty_expression d;
  d.ad_valorem = decimal(0);
  d.text = "free";
  return d;
}

duty_expression not_computable(const duty_expression& third_country, const std::string& why) {
  duty_expression d;
  d.modelled = false;
  d.text = why + " (third-country duty: " + third_country.text + ")";
  return d;
}

bool is_zero_specific(const std::optional<specific_duty>& s) { return s && s->amount.is_zero(); }

void finish(duty_expression& d) {
  if (is_zero_specific(d.specific)) d.specific.reset();
  const bool nothing = (!d.ad_valorem || d.ad_valorem->is_zero()) && !d.specific;
  if (nothing) {
    d = free_duty();
    return;
  }
  if (d.specific && d.ad_valorem && d.ad_valorem->is_zero()) d.ad_valorem.reset();
  d.text = format_duty(d);
}

}  // namespace

namespace {

const std::string art7 = std::string(reg_978) + ", Art. 7";
const std::string art12 = std::string(reg_978) + ", Art. 12";
const std::string art34 = std::string(reg_978) + ", Art. 34";

/// The preferential duty as computed, its maximum dropped when nothing is left for it to cap,
/// written as the tariff writes duties, with its finding.
duty_expression settle_duty(duty_expression d, bool keep_maximum, const char* code,
                            const char* arrangement, const duty_expression& tc,
                            const std::string& reference, findings& out) {
  if (!keep_maximum) {
    d.maximum.reset();
  }
  finish(d);
  out.push_back(make_finding(code, severity::info,
                             std::string(arrangement) + " preferential duty: " + d.text +
                                 " (third-country duty " + tc.text + ")",
                             reference));
  return d;
}

/// GSP+ (Art. 12): ad valorem duties suspended; specific duties too, unless the duty also has an
/// ad valorem part; a minimum duty is not computed.
duty_expression gsp_plus_duty(const duty_expression& tc, findings& out) {
  duty_expression d = tc;
  d.minimum.reset();
  if (tc.minimum) {
    out.push_back(make_finding(
        "gsp.duty.not_computable", severity::warning,
        "GSP+: the third-country duty " + tc.text +
            " has a minimum duty; Art. 12 suspends the ad valorem duty but does not say how the "
            "minimum is treated, so the preferential duty is not computed",
        art12));
    return not_computable(tc, "GSP+ with a minimum duty: not computed");
  }
  if (d.ad_valorem && !d.ad_valorem->is_zero()) {
    out.push_back(make_finding(
        "gsp.duty.gsp_plus.ad_valorem", severity::info,
        "GSP+: ad valorem duty " + percent_text(*d.ad_valorem) + " suspended", art12 + "(1)"));
  }
  const bool compound = tc.ad_valorem.has_value() && tc.specific.has_value();
  if (d.specific && compound) {
    out.push_back(make_finding("gsp.duty.gsp_plus.specific_kept", severity::info,
                               "GSP+: the duty also has an ad valorem part, so the specific duty " +
                                   specific_text(*d.specific) + " is not suspended",
                               art12 + "(2)"));
  } else if (d.specific) {
    out.push_back(
        make_finding("gsp.duty.gsp_plus.specific", severity::info,
                     "GSP+: specific duty " + specific_text(*d.specific) + " suspended entirely",
                     art12 + "(2)"));
    d.specific.reset();
  }
  if (d.ad_valorem) d.ad_valorem = decimal(0);
  if (d.specific && d.maximum) {
    out.push_back(make_finding("gsp.duty.gsp_plus.maximum_kept", severity::info,
                               "GSP+: the maximum duty stays as in the tariff (it can only lower "
                               "the duty)",
                               art12));
  }
  return settle_duty(d, d.specific.has_value(), "gsp.duty.gsp_plus", "GSP+", tc, art12, out);
}

/// Art. 7(2) and (3), Art. 34(1) and (3): the ad valorem duty of a sensitive product, reduced.
decimal sensitive_ad_valorem(const decimal& before, bool textile_section,
                             const gsp_duty_rules_record& rules, findings& out) {
  decimal reduced;
  if (textile_section) {
    reduced = before * (decimal(1) - rules.textile_ad_valorem_reduction);
    out.push_back(make_finding(
        "gsp.duty.sensitive.textile", severity::info,
        "sensitive product of a textile GSP section (" + join(rules.textile_sections) +
            "): ad valorem duty " + percent_text(before) + " reduced by " +
            percent_text(rules.textile_ad_valorem_reduction) + " to " + percent_text(reduced),
        art7 + "(2), second sentence; " + record_of(rules)));
  } else {
    reduced = before - rules.sensitive_ad_valorem_reduction;
    if (reduced.is_negative()) reduced = decimal(0);
    const std::string points = cn_number(rules.sensitive_ad_valorem_reduction * decimal(100));
    out.push_back(make_finding("gsp.duty.sensitive.ad_valorem", severity::info,
                               "sensitive product: ad valorem duty " + percent_text(before) +
                                   " reduced by " + points + " percentage points to " +
                                   percent_text(reduced),
                               art7 + "(2); " + record_of(rules)));
    out.push_back(make_finding(
        "gsp.duty.grandfathered", severity::info,
        "where the rates of Regulation (EC) No 732/2008 gave a reduction of more than " + points +
            " points, those rates apply; fairport does not hold them (check TARIC)",
        art7 + "(3)"));
  }
  if (reduced <= rules.ad_valorem_suspended_up_to) {
    out.push_back(make_finding("gsp.duty.suspended_small", severity::info,
                               "reduced ad valorem duty " + percent_text(reduced) + " is " +
                                   percent_text(rules.ad_valorem_suspended_up_to) +
                                   " or less: suspended entirely",
                               art34 + "(1)"));
    return decimal(0);
  }
  const decimal rounded = reduced.round(rules.round_down_places + 2, rounding_mode::down);
  if (rounded != reduced) {
    out.push_back(
        make_finding("gsp.duty.rounded", severity::info,
                     "preferential rate " + percent_text(reduced) +
                         " rounded down to the first decimal place: " + percent_text(rounded),
                     art34 + "(3)"));
  }
  return rounded;
}

/// Art. 7(4), Art. 34(2) and (3): the specific duty of a sensitive product, reduced.
decimal sensitive_specific(const specific_duty& before, const gsp_duty_rules_record& rules,
                           findings& out) {
  decimal amount = before.amount * (decimal(1) - rules.sensitive_specific_reduction);
  out.push_back(make_finding("gsp.duty.sensitive.specific", severity::info,
                             "sensitive product: specific duty " + specific_text(before) +
                                 " reduced by " + percent_text(rules.sensitive_specific_reduction) +
                                 " to " + cn_number(amount) + " " + before.currency.to_string() +
                                 "/" + before.per,
                             art7 + "(4); " + record_of(rules)));
  const money& limit = rules.specific_suspended_up_to;
  if (before.currency == limit.currency() && amount <= limit.amount()) {
    out.push_back(make_finding("gsp.duty.suspended_small", severity::info,
                               "reduced specific duty " + cn_number(amount) + " " +
                                   before.currency.to_string() + " is " +
                                   limit.currency().to_string() + " " + cn_number(limit.amount()) +
                                   " or less: suspended entirely",
                               art34 + "(2)"));
    return decimal(0);
  }
  const decimal rounded = amount.round(rules.round_down_places, rounding_mode::down);
  if (rounded != amount) {
    out.push_back(
        make_finding("gsp.duty.rounded", severity::info,
                     "preferential specific duty " + cn_number(amount) +
                         " rounded down to the first decimal place: " + cn_number(rounded),
                     art34 + "(3)"));
  }
  return rounded;
}

/// Standard GSP, sensitive product (Art. 7(2) to (6)).
duty_expression sensitive_duty(const duty_expression& tc, bool textile_section,
                               const gsp_duty_rules_record& rules, findings& out) {
  duty_expression d = tc;
  if (d.minimum) {
    out.push_back(make_finding(
        "gsp.duty.minimum_not_applied", severity::info,
        "the minimum duty " + bound_text(*d.minimum) + " does not apply to the reduced duty",
        art7 + "(6)"));
    d.minimum.reset();
  }
  if (d.ad_valorem && !d.ad_valorem->is_zero()) {
    d.ad_valorem = sensitive_ad_valorem(*d.ad_valorem, textile_section, rules, out);
  }
  if (d.specific && d.ad_valorem) {
    out.push_back(make_finding("gsp.duty.compound_specific_kept", severity::info,
                               "the duty has ad valorem and specific parts: the specific duty " +
                                   specific_text(*d.specific) + " is not reduced",
                               art7 + "(5)"));
  } else if (d.specific) {
    d.specific->amount = sensitive_specific(*d.specific, rules, out);
  }
  if (d.maximum) {
    out.push_back(make_finding("gsp.duty.maximum_not_reduced", severity::info,
                               "the maximum duty is not reduced", art7 + "(6)"));
  }
  const bool specific_left = d.specific && !d.specific->amount.is_zero();
  const bool nothing_to_cap = !specific_left && d.ad_valorem && d.ad_valorem->is_zero();
  return settle_duty(d, !nothing_to_cap, "gsp.duty.gsp", "standard GSP", tc, art7, out);
}

/// Standard GSP (Art. 7): non-sensitive products free, sensitive ones reduced.
duty_expression general_duty(const duty_expression& tc, gsp_product_coverage coverage,
                             bool textile_section, const gsp_duty_rules_record& rules,
                             findings& out) {
  if (coverage == gsp_product_coverage::non_sensitive) {
    out.push_back(make_finding(
        "gsp.duty.non_sensitive", severity::info,
        "standard GSP, non-sensitive product: Common Customs Tariff duties suspended entirely "
        "(third-country duty " +
            tc.text + "; preferential duty free)",
        art7 + "(1)"));
    return free_duty();
  }
  if (coverage == gsp_product_coverage::listed) {
    // Annex IX wording used with the general arrangement: not a valid combination.
    out.push_back(make_finding("gsp.duty.no_preference", severity::warning,
                               "coverage \"listed\" belongs to Annex IX (GSP+), not to the general "
                               "arrangement: no preference computed",
                               art7));
    return tc;
  }
  return sensitive_duty(tc, textile_section, rules, out);
}

}  // namespace

duty_expression gsp_preferential_duty(const duty_expression& tc, preference_regime regime,
                                      gsp_product_coverage coverage, bool textile_section,
                                      const gsp_duty_rules_record& rules, findings& out) {
  if (regime == preference_regime::none || coverage == gsp_product_coverage::not_listed) {
    out.push_back(
        make_finding("gsp.duty.no_preference", severity::info,
                     "no preference applies: the third-country duty " + tc.text + " is due",
                     std::string(reg_978) + ", Arts. 6, 11 and 18"));
    return tc;
  }
  if (regime == preference_regime::eba) {
    out.push_back(
        make_finding("gsp.duty.eba_suspended", severity::info,
                     "EBA: Common Customs Tariff duties suspended entirely (third-country duty " +
                         tc.text + "; preferential duty free)",
                     std::string(reg_978) + ", Art. 18(1)"));
    return free_duty();
  }
  if (!tc.modelled) {
    const std::string why =
        regime == preference_regime::gsp && coverage == gsp_product_coverage::non_sensitive
            ? "suspended except for agricultural components (Art. 7(1)), which fairport does not "
              "compute"
            : "the third-country duty has a part fairport does not compute";
    out.push_back(make_finding(
        "gsp.duty.not_computable", severity::warning,
        "preferential duty not computable: " + why + " (third-country duty: " + tc.text + ")",
        regime == preference_regime::gsp ? art7 : art12));
    return not_computable(tc, "preferential duty not computable");
  }
  if (regime == preference_regime::gsp_plus) return gsp_plus_duty(tc, out);
  return general_duty(tc, coverage, textile_section, rules, out);
}

date::year_month_day statement_valid_until(const date::year_month_day& made_out) {
  if (!made_out.ok()) {
    detail::throw_error(errc::invalid_date, "statement date is not a valid calendar date");
  }
  const date::year_month_day next{made_out.year() + date::years{1}, made_out.month(),
                                  made_out.day()};
  if (next.ok()) return next;
  return date::year_month_day{
      date::year_month_day_last{next.year(), date::month_day_last{next.month()}}};
}

std::string statement_on_origin_text(std::string_view exporter, std::string_view rex_number,
                                     std::string_view origin_country,
                                     std::string_view origin_criterion) {
  const auto field = [](std::string_view s) {
    return s.empty() ? std::string("\u2026") : std::string(s);
  };
  std::string t = "The exporter " + field(exporter);
  if (!rex_number.empty()) t += " (Number of Registered Exporter " + std::string(rex_number) + ")";
  t += " of the products covered by this document declares that, except where otherwise clearly "
       "indicated, these products are of " +
       field(origin_country) +
       " preferential origin according to rules of origin of the Generalised System of "
       "Preferences of the European Union and that the origin criterion met is " +
       field(origin_criterion) + ".";
  return t;
}

// ---- the engine -----------------------------------------------------------------------------

namespace {

/// The precomputed preferential duties of one tariff record, by arrangement and coverage.
enum duty_variant : int { v_gsp_ns = 0, v_gsp_s = 1, v_gsp_s_textile = 2, v_gsp_plus = 3 };

condition_status condition_of(const std::optional<bool>& declared) noexcept {
  if (!declared) return condition_status::unchecked;
  return *declared ? condition_status::met : condition_status::not_met;
}

}  // namespace

struct gsp_preference_engine::impl {
  reference_data data;
  /// Per period of the duty rules, per tariff record: the four preferential duties.
  std::vector<std::vector<std::array<duty_expression, 4>>> variants;
  duty_expression eba_free;

  explicit impl(const reference_data& d) : data(d), eba_free(free_duty()) {
    const auto& tar = data.tariffs().records();
    for (const auto& period : data.gsp_duty_rules().periods()) {
      const gsp_duty_rules_record& rules = period.value;
      auto& out = variants.emplace_back();
      out.reserve(tar.size());
      for (const auto& [validity, r] : tar) {
        std::array<duty_expression, 4> v;
        findings ignored;
        v[v_gsp_ns] =
            gsp_preferential_duty(r.duty, preference_regime::gsp,
                                  gsp_product_coverage::non_sensitive, false, rules, ignored);
        v[v_gsp_s] = gsp_preferential_duty(r.duty, preference_regime::gsp,
                                           gsp_product_coverage::sensitive, false, rules, ignored);
        v[v_gsp_s_textile] = gsp_preferential_duty(
            r.duty, preference_regime::gsp, gsp_product_coverage::sensitive, true, rules, ignored);
        v[v_gsp_plus] = gsp_preferential_duty(r.duty, preference_regime::gsp_plus,
                                              gsp_product_coverage::listed, false, rules, ignored);
        out.push_back(std::move(v));
      }
    }
  }

  /// The duty under `arr` for the tariff record `tariff_id` and the Annex row `cov`, with the
  /// duty rules of `period`.
  const duty_expression* preferential(std::size_t period, std::uint32_t tariff_id,
                                      gsp_arrangement arr, const gsp_coverage_record& cov) const {
    const auto& v = variants[period][tariff_id];
    if (arr == gsp_arrangement::gsp_plus) return &v[v_gsp_plus];
    if (cov.coverage == gsp_product_coverage::non_sensitive) return &v[v_gsp_ns];
    const auto& rules = data.gsp_duty_rules().periods().begin()[period].value;
    return &v[rules.is_textile_section(cov.section) ? v_gsp_s_textile : v_gsp_s];
  }
};

gsp_preference_engine::gsp_preference_engine(const reference_data& data)
    : impl_(std::make_shared<const impl>(data)) {}

const reference_data& gsp_preference_engine::data() const noexcept { return impl_->data; }

namespace {

/// One evaluation: the steps of Regulation (EU) No 978/2012 in the order the law takes them.
class preference_steps {
 public:
  preference_steps(const gsp_preference_engine::impl& m, const preference_query& q)
      : m_(m), q_(q), data_(m.data) {}

  preference_outcome run() {
    o_.origin = condition_of(q_.originating);
    o_.direct_transport = condition_of(q_.direct_transport);
    duty_rules();
    third_country_duty();
    rex_threshold();
    arrangements();
    if (!data_.countries().is_member(eu_group, q_.destination, q_.as_of)) {
      return refuse(preference_reason::destination_not_eu);
    }
    if (o_.regime == preference_regime::none) return no_arrangement();
    if (o_.duty_rules == nullptr) return undetermined(preference_reason::coverage_not_in_data);
    if (!coverage()) return o_;
    return conditions();
  }

 private:
  /// The figures of Arts. 7, 18 and 34 valid on the date (dataset eu_gsp_duty_rules).
  void duty_rules() {
    const auto& periods = data_.gsp_duty_rules().periods();
    if (const auto* e = periods.try_entry_at(q_.as_of)) {
      o_.duty_rules = &e->value;
      period_ = static_cast<std::size_t>(e - &*periods.begin());
    }
  }

  /// The erga omnes duty of the code (dataset eu_cct_erga_omnes).
  void third_country_duty() {
    tariff_ = data_.tariffs().lookup(q_.cn, q_.as_of);
    if (tariff_.found()) o_.tariff = &data_.tariffs().records()[tariff_.id].second;
  }

  /// The REX threshold (Implementing Regulation (EU) 2015/2447, Art. 78(1)(b)).
  void rex_threshold() {
    o_.rex_threshold = data_.thresholds().try_at(rex_threshold_id, q_.as_of);
    if (!q_.originating_value_eur || o_.rex_threshold == nullptr) return;
    if (q_.originating_value_eur->currency() != o_.rex_threshold->currency) {
      detail::throw_error(
          errc::currency_mismatch,
          "originating_value_eur is in " + q_.originating_value_eur->currency().to_string() +
              "; the REX threshold is in " + o_.rex_threshold->currency.to_string());
    }
    o_.rex_required = q_.originating_value_eur->amount() > o_.rex_threshold->amount;
  }

  /// The Annexes II, III and IV that list the country on the date, and the best of them.
  void arrangements() {
    for (auto a : {gsp_arrangement::gsp, gsp_arrangement::gsp_plus, gsp_arrangement::eba}) {
      o_.arrangements[static_cast<std::size_t>(a)] =
          data_.gsp_beneficiaries().find(q_.exporter, a, q_.as_of);
    }
    if (has(gsp_arrangement::eba)) {
      o_.regime = preference_regime::eba;
    } else if (has(gsp_arrangement::gsp_plus)) {
      o_.regime = preference_regime::gsp_plus;
    } else if (has(gsp_arrangement::gsp)) {
      o_.regime = preference_regime::gsp;
    }
  }

  preference_outcome no_arrangement() {
    if (data_.gsp_beneficiaries().status(q_.exporter, q_.as_of) == beneficiary_status::unknown) {
      return undetermined(preference_reason::beneficiary_status_unknown);
    }
    return refuse(preference_reason::not_a_beneficiary);
  }

  /// The most favourable arrangement that covers the product: EBA (Art. 18), then GSP+ (Annex
  /// IX), then standard GSP (Annex V, unless the section is graduated, Art. 8); a withdrawal for
  /// the country (Art. 19) takes an arrangement out. False when the outcome is settled (refused
  /// or undetermined).
  bool coverage() {
    why_not_ = preference_reason::product_not_covered;
    if (has(gsp_arrangement::eba) && eba_covers()) return true;
    if (undetermined_) return false;
    for (auto arr : {gsp_arrangement::gsp_plus, gsp_arrangement::gsp}) {
      if (!has(arr)) continue;
      if (annex_covers(arr)) return true;
      if (undetermined_) return false;
    }
    const auto* cov = o_.coverage;
    const auto* grad = o_.graduation;
    const auto* wd = o_.withdrawal;
    refuse(why_not_);
    o_.coverage = cov;
    o_.graduation = grad;
    o_.withdrawal = wd;
    return false;
  }

  /// A withdrawal of `arr` for the country covering the code: true when one applies (or the
  /// outcome became undetermined because one covers only part of the code).
  bool withdrawn(gsp_arrangement arr) {
    const auto w = data_.gsp_coverage().find_withdrawal(q_.exporter, arr, q_.cn, q_.as_of);
    if (w.depends_on_subcode) {
      undetermined(preference_reason::coverage_depends_on_subcode);
      undetermined_ = true;
      return true;
    }
    if (w.record == nullptr) return false;
    o_.withdrawal = w.record;
    if (why_not_ == preference_reason::product_not_covered) {
      why_not_ = preference_reason::preference_withdrawn;
    }
    return true;
  }

  bool eba_covers() {
    if (withdrawn(gsp_arrangement::eba)) return false;
    if (!o_.duty_rules->eba_covers_chapter(q_.cn.chapter_number())) return false;
    apply(gsp_arrangement::eba, &m_.eba_free);
    return true;
  }

  bool annex_covers(gsp_arrangement arr) {
    if (withdrawn(arr)) return false;
    // Art. 8: a graduated section loses the general arrangement whatever Annex V says of the
    // code, so graduation (by the section's chapters) is looked at before the coverage, and a
    // coverage record missing from the data cannot hide it.
    const auto c = data_.gsp_coverage().find(arr, q_.cn, q_.as_of);
    if (arr == gsp_arrangement::gsp) {
      o_.graduation = data_.gsp_graduations().find(q_.exporter, q_.cn.chapter_number(), q_.as_of);
      if (o_.graduation != nullptr) {
        if (why_not_ == preference_reason::product_not_covered) {
          why_not_ = preference_reason::section_graduated;
        }
        if (c.record != nullptr) o_.coverage = c.record;
        return false;
      }
    }
    if (c.depends_on_subcode || c.record == nullptr) {
      undetermined(c.depends_on_subcode ? preference_reason::coverage_depends_on_subcode
                                        : preference_reason::coverage_not_in_data);
      undetermined_ = true;
      return false;
    }
    o_.coverage = c.record;
    if (!c.record->is_covered()) return false;
    apply(arr, tariff_.found() ? m_.preferential(period_, tariff_.id, arr, *c.record) : nullptr);
    return true;
  }

  void apply(gsp_arrangement arr, const duty_expression* duty) {
    o_.applied = to_regime(arr);
    o_.applied_record = o_.arrangements[static_cast<std::size_t>(arr)];
    o_.preferential = duty;
  }

  /// The conditions: origin (Art. 33(1)), direct transport (Delegated Regulation (EU)
  /// 2015/2446, Art. 43) and, above the threshold, a registered exporter (Art. 92 IA).
  preference_outcome conditions() {
    o_.available = o_.applied;
    if (o_.origin == condition_status::not_met) return refuse(preference_reason::origin_not_shown);
    if (o_.direct_transport == condition_status::not_met) {
      return refuse(preference_reason::not_directly_transported);
    }
    if (o_.rex_required.value_or(false) && !q_.exporter_registered_rex &&
        !q_.proof_of_origin_held) {
      return refuse(preference_reason::exporter_not_registered);
    }
    const bool all_checked = o_.origin == condition_status::met &&
                             o_.direct_transport == condition_status::met &&
                             (o_.rex_required.has_value() || q_.proof_of_origin_held);
    o_.status = all_checked ? preference_status::granted : preference_status::conditional;
    o_.reason = preference_reason::none;
    return o_;
  }

  bool has(gsp_arrangement a) const noexcept {
    return o_.arrangements[static_cast<std::size_t>(a)] != nullptr;
  }
  preference_outcome settle(preference_status s, preference_reason r) {
    o_.status = s;
    o_.reason = r;
    o_.applied = preference_regime::none;
    o_.applied_record = nullptr;
    o_.preferential = nullptr;
    return o_;
  }
  preference_outcome refuse(preference_reason r) { return settle(preference_status::refused, r); }
  preference_outcome undetermined(preference_reason r) {
    return settle(preference_status::undetermined, r);
  }

  const gsp_preference_engine::impl& m_;
  const preference_query& q_;
  const reference_data& data_;
  preference_outcome o_;
  cn_lookup tariff_;
  preference_reason why_not_ = preference_reason::product_not_covered;
  bool undetermined_ = false;
  std::size_t period_ = 0;  ///< of the duty rules, when o_.duty_rules is set
};

}  // namespace

preference_outcome gsp_preference_engine::evaluate(const preference_query& q) const {
  if (!q.as_of.ok()) {
    detail::throw_error(errc::invalid_date, "as_of is not a valid calendar date");
  }
  return preference_steps(*impl_, q).run();
}

namespace {

std::string arrangement_name(gsp_arrangement a) {
  switch (a) {
    case gsp_arrangement::gsp:
      return "standard GSP (general arrangement, Annex II)";
    case gsp_arrangement::gsp_plus:
      return "GSP+ (Annex III)";
    case gsp_arrangement::eba:
      return "EBA (Annex IV)";
  }
  return "";
}

std::string country_label(const reference_data& data, country_code c) {
  if (const auto* i = data.countries().find(c)) return i->name + " (" + c.to_string() + ")";
  return c.to_string();
}

}  // namespace

namespace {

/// What every step of the explained decision reads, and the decision it writes.
struct explanation {
  const reference_data& data;
  const duty_expression& eba_free;
  const preference_query& q;
  const preference_outcome& o;
  preference_decision& d;
  std::string date_text, exporter, code;
};

/// The third-country duty the preference is measured against.
void explain_third_country(const explanation& x) {
  const auto& o = x.o;
  auto& d = x.d;
  auto& f = x.d.findings;
  // Third-country duty.
  if (o.tariff != nullptr) {
    d.third_country = o.tariff->duty;
    d.tariff_source = o.tariff->source;
    f.push_back(make_finding("gsp.duty.third_country", severity::info,
                             "third-country (erga omnes) duty for CN " + x.code + " on " +
                                 x.date_text + ": " + o.tariff->duty.text,
                             o.tariff->source.to_string()));
  } else {
    f.push_back(make_finding("gsp.duty.third_country_unknown", severity::warning,
                             x.data.tariffs().no_record_text(x.q.cn, x.q.as_of),
                             x.data.dataset("eu_cct_erga_omnes").id));
  }
}

/// The destination: an EU member state on the date, or no GSP at all.
void explain_destination(const explanation& x) {
  const auto& q = x.q;
  const auto& o = x.o;
  auto& f = x.d.findings;
  // Destination.
  if (o.reason == preference_reason::destination_not_eu) {
    f.push_back(
        make_finding("gsp.destination.not_eu", severity::error,
                     country_label(x.data, q.destination) + " is not an EU member state on " +
                         x.date_text + ": the EU's GSP does not apply",
                     "country_groups (group \"eu\"); " + std::string(reg_978) + ", Art. 1"));
  } else if (const auto* mem = x.data.countries().membership(eu_group, q.destination, q.as_of)) {
    f.push_back(make_finding(
        "gsp.destination.eu", severity::info,
        country_label(x.data, q.destination) + " is an EU member state on " + x.date_text,
        mem->source.to_string()));
  }
}

/// The arrangements the exporting country has on the date (Annexes II to IV).
void explain_arrangements(const explanation& x) {
  const auto& q = x.q;
  const auto& o = x.o;
  auto& f = x.d.findings;
  // Arrangements.
  int listed = 0;
  for (std::size_t a = 0; a < 3; ++a) {
    const auto* r = o.arrangements[a];
    if (r == nullptr) continue;
    ++listed;
    f.push_back(make_finding("gsp.arrangement." + std::string(to_string(r->arrangement)),
                             severity::info,
                             x.exporter + " is a beneficiary of " +
                                 arrangement_name(r->arrangement) + " on " + x.date_text,
                             r->source.to_string()));
  }
  if (listed > 1) {
    f.push_back(make_finding("gsp.arrangement.most_favourable", severity::info,
                             x.exporter + " has " + std::to_string(listed) + " arrangements on " +
                                 x.date_text +
                                 " (GSP+ and EBA beneficiaries are also listed in Annex II): the "
                                 "most favourable one that covers the product applies (EBA, then "
                                 "GSP+, then standard GSP)",
                             std::string(reg_978) + ", Arts. 1(2), 4, 9 and 17"));
  }
  if (o.regime == preference_regime::none && o.reason != preference_reason::destination_not_eu) {
    if (o.reason == preference_reason::beneficiary_status_unknown) {
      f.push_back(make_finding("gsp.beneficiary.unknown", severity::warning,
                               "the beneficiary data for " + x.exporter + " starts after " +
                                   x.date_text + "; its status on that date is not recorded",
                               x.data.dataset("eu_gsp_beneficiaries").id + " " +
                                   x.data.dataset("eu_gsp_beneficiaries").version));
    } else {
      f.push_back(make_finding("gsp.not_beneficiary", severity::error,
                               x.exporter + " is in none of Annexes II, III and IV on " +
                                   x.date_text +
                                   " (not a beneficiary of the scheme on that date, or no longer "
                                   "one)",
                               std::string(reg_978) + ", Annexes II to IV; dataset " +
                                   x.data.dataset("eu_gsp_beneficiaries").id + " " +
                                   x.data.dataset("eu_gsp_beneficiaries").version));
    }
  }
  if (o.arrangements[static_cast<std::size_t>(gsp_arrangement::eba)] != nullptr &&
      !x.data.countries().is_member(ldc_group, q.exporter, q.as_of)) {
    f.push_back(make_finding(
        "gsp.eba.ldc_graduated", severity::warning,
        x.exporter + " is not on the UN list of least developed countries on " + x.date_text +
            " but is still listed in Annex IV: removal needs a delegated act and follows a "
            "three-year transition",
        std::string(reg_978) + ", Art. 17(2)"));
  }
}

/// Product coverage (Annexes V and IX, Art. 18(1)), graduation (Art. 8) and withdrawal (Art. 19).
/// What the duty rules say of EBA for the code (Art. 18(1)), or that they are missing.
void explain_eba_coverage(const explanation& x) {
  const auto& q = x.q;
  const auto& o = x.o;
  auto& f = x.d.findings;
  if (o.duty_rules == nullptr) {
    f.push_back(make_finding("gsp.duty_rules.unknown", severity::warning,
                             "the GSP duty rules (Arts. 7, 18 and 34) are not in the data for " +
                                 x.date_text + ": the preference cannot be decided",
                             "dataset eu_gsp_duty_rules"));
  } else if (o.available == preference_regime::eba) {
    const auto& r = *o.duty_rules;
    std::string except;
    for (int c : r.eba_excluded_chapters) except += (except.empty() ? "" : ", ") + two_digits(c);
    f.push_back(make_finding(
        "gsp.coverage.eba", severity::info,
        "EBA covers all products of CN Chapters " + std::to_string(r.eba_chapters_from) + " to " +
            std::to_string(r.eba_chapters_through) +
            (except.empty() ? "" : " except Chapter " + except) + "; CN " + x.code + " is covered",
        std::string(reg_978) + ", Art. 18(1); " + record_of(r)));
  } else if (o.arrangements[static_cast<std::size_t>(gsp_arrangement::eba)] != nullptr &&
             !o.duty_rules->eba_covers_chapter(q.cn.chapter_number())) {
    f.push_back(
        make_finding("gsp.coverage.eba_chapter_excluded", severity::info,
                     "Chapter " + two_digits(q.cn.chapter_number()) + " is excluded from EBA",
                     std::string(reg_978) + ", Art. 18(1); " + record_of(*o.duty_rules)));
  }
}

void explain_coverage(const explanation& x) {
  const auto& o = x.o;
  auto& d = x.d;
  auto& f = x.d.findings;
  // Coverage and graduation.
  if (o.coverage != nullptr) {
    d.coverage = o.coverage->coverage;
    d.section = o.coverage->section;
    const std::string annex =
        o.coverage->arrangement == gsp_arrangement::gsp ? "Annex V" : "Annex IX";
    f.push_back(make_finding(
        "gsp.coverage." + std::string(to_string(o.coverage->coverage)), severity::info,
        "CN " + x.code + " in " + annex + ": " + std::string(to_string(o.coverage->coverage)) +
            (o.coverage->section.empty() ? std::string() : ", GSP section " + o.coverage->section),
        o.coverage->source.to_string()));
    if (!o.coverage->ex_description.empty()) {
      f.push_back(make_finding("gsp.coverage.ex_code", severity::warning,
                               "'ex' line: covered only for \"" + o.coverage->ex_description + "\"",
                               o.coverage->source.to_string()));
    }
  }
  explain_eba_coverage(x);
  if (o.graduation != nullptr) {
    f.push_back(make_finding(
        "gsp.graduated", o.applied == preference_regime::none ? severity::error : severity::info,
        "GSP section " + o.graduation->section + " is graduated for " + x.exporter + " on " +
            x.date_text + ": standard GSP preferences suspended for the section",
        o.graduation->source.to_string()));
  }
  if (o.withdrawal != nullptr) {
    f.push_back(make_finding(
        "gsp.withdrawn", o.applied == preference_regime::none ? severity::error : severity::info,
        "preferences of " + std::string(to_string(o.withdrawal->arrangement)) +
            " temporarily withdrawn for " + x.exporter + " for CN " + x.code + " on " + x.date_text,
        o.withdrawal->source.to_string()));
  }
  switch (o.reason) {
    case preference_reason::product_not_covered:
      f.push_back(make_finding("gsp.not_covered", severity::error,
                               "CN " + x.code + " is not covered by any arrangement " + x.exporter +
                                   " has on " + x.date_text,
                               std::string(reg_978) + ", Arts. 6, 11 and 18(1); Annexes V and IX"));
      break;
    case preference_reason::coverage_not_in_data:
      f.push_back(make_finding("gsp.coverage.unknown", severity::warning,
                               "the coverage data has no Annex V / Annex IX row for CN " + x.code +
                                   " on " + x.date_text + ": the preference cannot be decided",
                               x.data.dataset("eu_gsp_product_coverage").id + " " +
                                   x.data.dataset("eu_gsp_product_coverage").version));
      break;
    case preference_reason::coverage_depends_on_subcode:
      f.push_back(make_finding("gsp.coverage.depends_on_subcode", severity::warning,
                               "CN " + x.code +
                                   " is too short: its sub-codes are covered differently; give "
                                   "the 8-digit CN code",
                               x.data.dataset("eu_gsp_product_coverage").id));
      break;
    default:
      break;
  }
}

/// Fail closed: a conditional preference is not given; the third-country duty is due until the
/// conditions are shown.
void explain_conditions_not_shown(const explanation& x) {
  const auto& o = x.o;
  const auto& d = x.d;
  std::string what;
  if (o.origin != condition_status::met) what = "the originating status of the products";
  if (o.direct_transport != condition_status::met) {
    what += (what.empty() ? "" : ", ") + std::string("direct transport");
  }
  if (!o.rex_required && !x.q.proof_of_origin_held) {
    what += (what.empty() ? "" : ", ") + std::string("the value of the originating products");
  }
  x.d.findings.push_back(make_finding(
      "gsp.duty.conditions_not_shown", severity::warning,
      "no preference until " + what + (what.find(',') == std::string::npos ? " is" : " are") +
          " shown: the third-country duty " +
          (d.third_country ? d.third_country->text : std::string("(not in data)")) +
          " is due" +
          (d.preferential ? "; once shown, " + std::string(to_string(o.applied)) + " would give " +
                                format_duty(*d.preferential)
                          : std::string()),
      std::string(reg_978) + ", Art. 33(1)"));
}

/// The duty under the preference applied, or what it would be with the conditions met.
void explain_duty(const explanation& x) {
  const auto& o = x.o;
  auto& d = x.d;
  auto& f = x.d.findings;
  // Duty under the preference.
  if (o.applied != preference_regime::none) {
    f.push_back(make_finding(
        "gsp.applied", severity::info, "preference applied: " + std::string(to_string(o.applied)),
        o.applied_record != nullptr ? o.applied_record->source.to_string() : std::string(reg_978)));
    const gsp_duty_rules_record& rules = *o.duty_rules;  // set whenever a preference applies
    if (o.applied == preference_regime::eba) {
      findings notes;
      d.preferential =
          gsp_preferential_duty(o.tariff ? o.tariff->duty : x.eba_free, preference_regime::eba,
                                gsp_product_coverage::listed, false, rules, notes);
      f.insert(f.end(), notes.begin(), notes.end());
    } else if (o.preferential != nullptr && o.tariff != nullptr) {
      d.preferential = *o.preferential;
      findings notes;
      (void)gsp_preferential_duty(o.tariff->duty, o.applied, o.coverage->coverage,
                                  rules.is_textile_section(o.coverage->section), rules, notes);
      f.insert(f.end(), notes.begin(), notes.end());
    } else {
      f.push_back(make_finding(
          "gsp.duty.preferential_unknown", severity::warning,
          "the preferential duty cannot be computed without the "
          "third-country duty",
          std::string(reg_978) + (o.applied == preference_regime::gsp ? ", Art. 7" : ", Art. 12")));
    }
  } else if (d.third_country && o.status == preference_status::refused) {
    f.push_back(make_finding("gsp.duty.third_country_due", severity::info,
                             "no preference: the third-country duty " + d.third_country->text +
                                 " is due (" + std::string(to_string(o.reason)) + ")",
                             d.tariff_source ? d.tariff_source->to_string() : std::string()));
    if (o.available != preference_regime::none && o.coverage != nullptr && o.duty_rules) {
      findings ignored;
      const auto would = gsp_preferential_duty(
          *d.third_country, o.available,
          o.available == preference_regime::eba ? gsp_product_coverage::listed
                                                : o.coverage->coverage,
          o.duty_rules->is_textile_section(o.coverage->section), *o.duty_rules, ignored);
      f.push_back(make_finding(
          "gsp.duty.if_conditions_met", severity::info,
          "with the conditions met, " + std::string(to_string(o.available)) + " would give " +
              format_duty(would),
          std::string(reg_978) + (o.available == preference_regime::eba        ? ", Art. 18(1)"
                                  : o.available == preference_regime::gsp_plus ? ", Art. 12"
                                                                               : ", Art. 7")));
    } else if (o.available == preference_regime::eba) {
      f.push_back(make_finding("gsp.duty.if_conditions_met", severity::info,
                               "with the conditions met, eba would give free",
                               std::string(reg_978) + ", Art. 18(1)"));
    }
  }
  if (o.status == preference_status::conditional) explain_conditions_not_shown(x);
}

/// The two conditions: origin (Art. 33) and direct transport (Art. 43 UCC-DA).
void explain_conditions(const explanation& x) {
  const auto& o = x.o;
  auto& f = x.d.findings;
  // Conditions: origin and transport.
  const std::string origin_ref = std::string(reg_978) +
                                 ", Art. 33(1); Commission Delegated Regulation (EU) 2015/2446, "
                                 "Arts. 41 et seq. (GSP rules of origin)";
  switch (o.origin) {
    case condition_status::met:
      f.push_back(make_finding(
          "gsp.origin.met", severity::info,
          "condition 1, origin: the products are declared to originate in " + x.exporter + " (met)",
          origin_ref));
      break;
    case condition_status::not_met:
      f.push_back(make_finding("gsp.origin.not_met", severity::error,
                               "condition 1, origin: the products are declared not to originate "
                               "in " +
                                   x.exporter + " (not met): no preference",
                               origin_ref));
      break;
    case condition_status::unchecked:
      f.push_back(make_finding("gsp.origin.unchecked", severity::warning,
                               "condition 1, origin: the products must originate in " + x.exporter +
                                   " under the GSP rules of origin (unchecked)",
                               origin_ref));
      break;
  }
  const std::string transport_ref = "Commission Delegated Regulation (EU) 2015/2446, Art. 43; " +
                                    std::string(reg_2447) + ", Art. 107(1)(e)";
  switch (o.direct_transport) {
    case condition_status::met:
      f.push_back(make_finding("gsp.transport.met", severity::info,
                               "condition 2, transport: the products were transported directly "
                               "to the Union, not altered on the way (met)",
                               transport_ref));
      break;
    case condition_status::not_met:
      f.push_back(make_finding("gsp.transport.not_met", severity::error,
                               "condition 2, transport: the products were not transported "
                               "directly / were altered on the way (not met): no preference",
                               transport_ref));
      break;
    case condition_status::unchecked:
      f.push_back(make_finding("gsp.transport.unchecked", severity::warning,
                               "condition 2, transport: the products must be the ones exported, "
                               "not altered or transformed on the way (unchecked)",
                               transport_ref));
      break;
  }
}

/// The proof of origin: the statement on origin, REX registration and its validity.
void explain_statement(const explanation& x) {
  const auto& q = x.q;
  const auto& o = x.o;
  auto& d = x.d;
  auto& f = x.d.findings;
  // Papers.
  auto& st = d.statement;
  const bool claimable = o.available != preference_regime::none;
  st.required = claimable;
  st.rex_required = o.rex_required;
  if (o.rex_threshold != nullptr) st.threshold_eur = o.rex_threshold->amount;
  if (claimable) {
    const date::year_month_day made = q.statement_date.value_or(q.as_of);
    st.made_out = made;
    st.valid_until = statement_valid_until(made);
    const std::string thr = o.rex_threshold != nullptr
                                ? money(o.rex_threshold->amount, o.rex_threshold->currency).to_string()
                                : std::string("(threshold not in data)");
    const std::string thr_ref = o.rex_threshold != nullptr ? o.rex_threshold->source.to_string()
                                                           : std::string(reg_2447) + ", Art. 78";
    f.push_back(make_finding("gsp.proof.statement_required", severity::info,
                             "proof of origin: a statement on origin made out by the exporter on a "
                             "commercial document, in English, French or Spanish, one per "
                             "consignment",
                             std::string(reg_2447) + ", Arts. 92(3) and 99(1); " + annex_22_07));
    if (!o.rex_required) {
      f.push_back(make_finding("gsp.proof.rex_unknown", severity::warning,
                               "the value of the originating products is not given: above " + thr +
                                   " the exporter must be a registered exporter (REX)",
                               thr_ref));
    } else if (*o.rex_required) {
      f.push_back(make_finding(
          q.exporter_registered_rex ? "gsp.proof.rex_required" : "gsp.proof.rex_missing",
          q.exporter_registered_rex ? severity::info : severity::error,
          "originating products of " + q.originating_value_eur->to_string() +
              " exceed " + thr + ": the statement must be made out by a registered exporter" +
              (q.exporter_registered_rex ? std::string(" (the exporter is registered)")
                                         : std::string(" (the exporter is not registered): no "
                                                       "preference")),
          thr_ref + "; " + std::string(reg_2447) + ", Art. 107(1)(c)"));
    } else {
      f.push_back(make_finding(
          "gsp.proof.any_exporter", severity::info,
          "originating products of " + q.originating_value_eur->to_string() +
              " do not exceed " + thr + ": any exporter may make out the statement on origin",
          thr_ref));
    }
    f.push_back(make_finding("gsp.proof.validity", severity::info,
                             "a statement on origin made out on " + format_date(made) +
                                 " is valid for 12 months, until " + format_date(*st.valid_until),
                             std::string(reg_2447) +
                                 ", Art. 99(2); period counted as Regulation (EEC, Euratom) No "
                                 "1182/71, Art. 3(2)(c)"));
    const bool with_rex = !q.rex_number.empty();
    if (q.statement_in_documents) {
      f.push_back(make_finding("gsp.proof.text", severity::info,
                               "the text of the statement on origin is in the documents of the "
                               "report (one statement for the consignment)",
                               std::string(annex_22_07) + " (English version)"));
    } else {
      std::string origin_name;
      if (const auto* ci = x.data.countries().find(q.exporter)) origin_name = ci->name;
      st.text =
          statement_on_origin_text(q.exporter_name, with_rex ? q.rex_number : std::string_view(),
                                   origin_name, q.origin_criterion);
      f.push_back(make_finding("gsp.proof.text", severity::info, st.text,
                               std::string(annex_22_07) + " (English version)"));
    }
    if (!with_rex && o.rex_required.value_or(true)) {
      f.push_back(make_finding("gsp.proof.rex_number_missing", severity::warning,
                               "no REX number given: the statement text leaves out \"(Number of "
                               "Registered Exporter ...)\"",
                               std::string(annex_22_07)));
    }
  }
}

/// The verdict, with its status, reason and regimes.
void explain_verdict(const explanation& x) {
  const auto& o = x.o;
  auto& f = x.d.findings;
  // Verdict.
  const std::string verdict_msg =
      std::string("GSP preference for CN ") + x.code + " from " + x.exporter + " on " +
      x.date_text + ": " + std::string(to_string(o.status)) +
      (o.reason != preference_reason::none ? " (" + std::string(to_string(o.reason)) + ")"
                                           : std::string()) +
      "; regime " + std::string(to_string(o.regime)) + ", applied " +
      std::string(to_string(o.applied));
  f.push_back(make_finding("gsp.verdict." + std::string(to_string(o.status)),
                           o.status == preference_status::refused   ? severity::error
                           : o.status == preference_status::granted ? severity::info
                                                                    : severity::warning,
                           verdict_msg, std::string(reg_978)));
}

}  // namespace

preference_decision gsp_preference_engine::decide(const preference_query& q) const {
  const preference_outcome o = evaluate(q);
  preference_decision d;
  d.regime = o.regime;
  d.applied = o.applied;
  d.available = o.available;
  d.status = o.status;
  d.reason = o.reason;
  d.origin = o.origin;
  d.direct_transport = o.direct_transport;
  const explanation x{impl_->data,
                      impl_->eba_free,
                      q,
                      o,
                      d,
                      format_date(q.as_of),
                      country_label(impl_->data, q.exporter),
                      q.cn.to_string()};
  for (auto step :
       {explain_third_country, explain_destination, explain_arrangements, explain_coverage,
        explain_duty, explain_conditions, explain_statement, explain_verdict}) {
    step(x);
  }
  return d;
}

preference_decision decide_preference(const preference_query& q, const reference_data& data) {
  return gsp_preference_engine(data).decide(q);
}

FAIRPORT_END_NAMESPACE
