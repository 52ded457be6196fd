// Loaders of the GSP datasets: beneficiaries, graduations, thresholds, duty rules, product
// coverage.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

void builder::load_gsp_beneficiaries(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"country", "arrangement"}, kctx);
    detail::reject_unknown_keys(r.value, {"annex"}, vctx);
    gsp_beneficiary_record b;
    b.country = country(ds, r, r.key, "country", "/key/country");
    const std::string arr = detail::require_string(r.key, "arrangement", kctx);
    const auto a = parse_gsp_arrangement(arr);
    if (!a) {
      detail::throw_error(errc::invalid_value,
                          "unknown arrangement \"" + arr + "\" (gsp, gsp_plus or eba)",
                          record_context(ds, r, "/key/arrangement"));
    }
    b.arrangement = *a;
    b.annex = detail::require_string(r.value, "annex", vctx);
    static constexpr const char* annex_of[] = {"II", "III", "IV"};
    if (b.annex != annex_of[static_cast<int>(*a)]) {
      detail::throw_error(errc::invalid_value,
                          "arrangement " + arr + " is Annex " + annex_of[static_cast<int>(*a)] +
                              ", not \"" + b.annex + "\"",
                          record_context(ds, r, "/value/annex"));
    }
    b.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { gsp_beneficiaries.add(r.validity, std::move(b)); });
  }
}

void builder::load_gsp_graduations(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"country", "section"}, kctx);
    detail::reject_unknown_keys(r.value, {"chapters"}, vctx);
    gsp_graduation_record g;
    g.country = country(ds, r, r.key, "country", "/key/country");
    g.section = detail::require_string(r.key, "section", kctx);
    const auto ch = r.value.find("chapters");
    const auto cctx = record_context(ds, r, "/value/chapters");
    if (ch == r.value.end())
      detail::throw_error(errc::missing_field, "\"chapters\" is required", vctx);
    if (!ch->is_array() || ch->empty()) {
      detail::throw_error(errc::invalid_value, "\"chapters\" must be a non-empty array", cctx);
    }
    for (std::size_t i = 0; i < ch->size(); ++i) {
      const auto& c = (*ch)[i];
      const std::string text = c.is_string() ? c.get<std::string>() : std::string();
      const bool two_digits = text.size() == 2 &&
                              std::isdigit(static_cast<unsigned char>(text[0])) &&
                              std::isdigit(static_cast<unsigned char>(text[1]));
      const int number = two_digits ? (text[0] - '0') * 10 + (text[1] - '0') : 0;
      if (number < 1 || number > 97 || number == 77) {
        detail::throw_error(errc::unknown_code,
                            "not an HS chapter (\"01\" to \"97\", 77 is reserved)",
                            record_context(ds, r, "/value/chapters/" + std::to_string(i)));
      }
      g.chapters.push_back(c.get<std::string>());
    }
    g.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { gsp_graduations.add(r.validity, std::move(g)); });
  }
}

void builder::load_thresholds(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"id"}, kctx);
    detail::reject_unknown_keys(r.value, {"amount", "currency"}, vctx);
    threshold_record t;
    t.id = detail::require_string(r.key, "id", kctx);
    t.amount = detail::require_decimal(r.value, "amount", vctx);
    if (t.amount.is_negative()) {
      detail::throw_error(errc::invalid_value, "a threshold cannot be negative",
                          record_context(ds, r, "/value/amount"));
    }
    t.currency = currency(ds, r, r.value, "currency", "/value/currency");
    t.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { thresholds.add(r.validity, std::move(t)); });
  }
}

void builder::load_gsp_duty_rules(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"regulation"}, kctx);
    detail::reject_unknown_keys(
        r.value,
        {"sensitive_ad_valorem_reduction", "textile_sections", "textile_ad_valorem_reduction",
         "sensitive_specific_reduction", "ad_valorem_suspended_up_to", "specific_suspended_up_to",
         "specific_currency", "round_down_places", "eba_chapters_from", "eba_chapters_through",
         "eba_excluded_chapters"},
        vctx);
    (void)detail::require_string(r.key, "regulation", kctx);
    gsp_duty_rules_record g;
    g.sensitive_ad_valorem_reduction =
        require_fraction(r.value, "sensitive_ad_valorem_reduction", vctx);
    g.textile_sections =
        string_array(ds, r, r.value, "textile_sections", "/value/textile_sections", false);
    g.textile_ad_valorem_reduction =
        require_fraction(r.value, "textile_ad_valorem_reduction", vctx);
    g.sensitive_specific_reduction =
        require_fraction(r.value, "sensitive_specific_reduction", vctx);
    g.ad_valorem_suspended_up_to = require_fraction(r.value, "ad_valorem_suspended_up_to", vctx);
    const decimal limit = detail::require_decimal(r.value, "specific_suspended_up_to", vctx);
    if (limit.is_negative()) {
      detail::throw_error(errc::invalid_value, "a limit cannot be negative",
                          record_context(ds, r, "/value/specific_suspended_up_to"));
    }
    g.specific_suspended_up_to =
        money(limit, currency(ds, r, r.value, "specific_currency", "/value/specific_currency"));
    const decimal places = detail::require_decimal(r.value, "round_down_places", vctx);
    if (places.scale() != 0 || places.is_negative() || places > decimal(6)) {
      detail::throw_error(errc::invalid_value, "round_down_places must be a whole number 0 to 6",
                          record_context(ds, r, "/value/round_down_places"));
    }
    g.round_down_places = static_cast<int>(places.coefficient());
    g.eba_chapters_from = chapter_at(ds, r, r.value, "eba_chapters_from");
    g.eba_chapters_through = chapter_at(ds, r, r.value, "eba_chapters_through");
    g.eba_excluded_chapters =
        chapter_list(ds, r, r.value, "eba_excluded_chapters", "/value/eba_excluded_chapters");
    g.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { gsp_duty_rules.add(r.validity, std::move(g)); });
  }
}

void builder::load_gsp_coverage(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"cn_range", "arrangement", "country"}, kctx);
    detail::reject_unknown_keys(r.value, {"coverage", "section", "ex_description"}, vctx);
    gsp_coverage_record c;
    std::tie(c.from, c.through) = cn_range(ds, r);
    if (r.key.contains("country")) c.country = country(ds, r, r.key, "country", "/key/country");
    const std::string arr = detail::require_string(r.key, "arrangement", kctx);
    const auto a = parse_gsp_arrangement(arr);
    if (!a || (*a == gsp_arrangement::eba && !c.country)) {
      detail::throw_error(errc::invalid_value,
                          "arrangement must be \"gsp\" (Annex V) or \"gsp_plus\" (Annex IX) "
                          "(\"eba\" only for a withdrawal row with a country), got \"" +
                              arr + "\"",
                          record_context(ds, r, "/key/arrangement"));
    }
    c.arrangement = *a;
    const std::string cov = detail::require_string(r.value, "coverage", vctx);
    const auto pc = parse_gsp_product_coverage(cov);
    bool fits = false;
    if (pc && c.country) {
      fits = *pc == gsp_product_coverage::withdrawn;
    } else if (pc) {
      fits = *pc == gsp_product_coverage::not_listed ||
             (c.arrangement == gsp_arrangement::gsp ? (*pc == gsp_product_coverage::sensitive ||
                                                       *pc == gsp_product_coverage::non_sensitive)
                                                    : *pc == gsp_product_coverage::listed);
    }
    if (!fits) {
      detail::throw_error(errc::invalid_value,
                          "coverage \"" + cov + "\" does not fit arrangement " + arr +
                              " (gsp: sensitive, non_sensitive or not_listed; gsp_plus: listed or "
                              "not_listed; a row with a country: withdrawn)",
                          record_context(ds, r, "/value/coverage"));
    }
    c.coverage = *pc;
    c.section = detail::require_string(r.value, "section", vctx);
    const bool section_ok = c.section.size() >= 3 && c.section.size() <= 5 && c.section[0] == 'S' &&
                            c.section[1] == '-' &&
                            std::isdigit(static_cast<unsigned char>(c.section[2]));
    if (c.is_covered() ? !section_ok : !(c.section.empty() || section_ok)) {
      detail::throw_error(errc::invalid_value,
                          "section must be a GSP section such as \"S-11a\" (empty only for "
                          "not_listed or withdrawn), got \"" +
                              c.section + "\"",
                          record_context(ds, r, "/value/section"));
    }
    if (auto ex = r.value.find("ex_description"); ex != r.value.end()) {
      c.ex_description = detail::require_string(r.value, "ex_description", vctx);
    }
    c.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { gsp_coverage.add(r.validity, std::move(c)); });
  }
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
