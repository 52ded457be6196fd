// The GSP rules-of-origin engine: general rules from eu_gsp_origin_general_rules, list rules from
// eu_gsp_list_rules. One evaluator, instantiated with and without explanations.
#include "fairport/origin/assess.hpp"
#include "fairport/origin/operations.hpp"
#include "fairport/data/countries.hpp"
#include "fairport/data/gsp.hpp"
#include "fairport/text.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

FAIRPORT_BEGIN_NAMESPACE

bool cumulation_indication(std::string_view indication,
                           const std::optional<country_code>& material_origin) {
  if (indication == "eu") return true;
  if (material_origin && indication == material_origin->view()) return true;
  detail::throw_error(
      errc::invalid_argument,
      "cumulation \"" + std::string(indication) + "\" is not an indication: give true or false, \"eu\" " +
          "(EU materials, Delegated Regulation (EU) 2015/2446, Art. 53) or the material's origin " +
          (material_origin ? "\"" + material_origin->to_string() + "\" " : std::string("country ")) +
          "(regional or extended cumulation, Arts. 54-56)");
}

namespace {

constexpr std::string_view act = "Commission Delegated Regulation (EU) 2015/2446";

enum class outcome : unsigned char { pass, fail, undetermined };

int heading_number(const tariff_code& c) noexcept {
  if (c.length() < 4) return -1;
  const auto d = c.digits();
  return (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
}

bool is_textile_chapter(int chapter) noexcept { return chapter >= 50 && chapter <= 63; }

bool contains_chapter(const std::vector<int>& v, int chapter) noexcept {
  return std::find(v.begin(), v.end(), chapter) != v.end();
}

/// Stage order on one ladder; -1 when the stage is not on it. "n/a" allows nothing.
int natural_rank(std::string_view s) noexcept {
  if (s == "fibre") return 0;
  if (s == "yarn") return 1;
  if (s == "fabric") return 2;
  if (s == "made_up") return 3;
  return -1;
}
int man_made_rank(std::string_view s) noexcept {
  if (s == "chemical_or_pulp") return 0;
  if (s == "staple_fibre") return 1;
  if (s == "yarn") return 2;
  if (s == "fabric") return 3;
  if (s == "made_up") return 4;
  return -1;
}

/// part / whole as a percentage rounded half even to 2 places ("33.33 %"): the one percent text.
std::string percent_text(const decimal& part, const decimal& whole) {
  return fairport::percent_text(part, whole, 2);
}

/// A share of the data (0.5) as a percentage ("50 %"): the one percent text.
std::string share_percent(const decimal& share) { return fairport::percent_text(share); }
std::string money_text(const decimal& amount, currency_code c) {
  return c.to_string() + " " + amount.round(2, rounding_mode::half_even).to_string();
}

}  // namespace

struct origin_assessor::impl {
  origin_scheme scheme;
  reference_data data;
  operation_ids operations;  // the closed vocabulary of origin_product::operations

  impl(origin_scheme s, const reference_data& d) : scheme(s), data(d), operations(d) {}
  impl(const impl& o) : impl(o.scheme, o.data) {}
};

namespace {

/// A few elements inline, more on the heap: the per-call scratch state without allocations for
/// ordinary bills of materials.
template <class T, std::size_t N>
class small_buf {
 public:
  small_buf() = default;
  small_buf(const small_buf&) = delete;
  small_buf& operator=(const small_buf&) = delete;
  void resize(std::size_t n) {
    if (n > N) {
      heap_.assign(n, T());
      p_ = heap_.data();
    } else {
      p_ = inline_;
      for (std::size_t i = 0; i < n; ++i) p_[i] = T();
    }
    n_ = n;
  }
  void assign(std::size_t n, const T& v) {
    resize(n);
    for (std::size_t i = 0; i < n; ++i) p_[i] = v;
  }
  T& operator[](std::size_t i) noexcept { return p_[i]; }
  const T& operator[](std::size_t i) const noexcept { return p_[i]; }
  std::size_t size() const noexcept { return n_; }
  bool empty() const noexcept { return n_ == 0; }
  T* begin() noexcept { return p_; }
  T* end() noexcept { return p_ + n_; }
  const T* begin() const noexcept { return p_; }
  const T* end() const noexcept { return p_ + n_; }

 private:
  T inline_[N];
  std::vector<T> heap_;
  T* p_ = inline_;
  std::size_t n_ = 0;
};

struct mat_info {
  material_status status = material_status::unknown;
  const cumulation_scope* cum = nullptr;     // scope used
  const cumulation_scope* denied = nullptr;  // partner country without proof
  int heading = -1;
  int chapter = 0;
  bool non = false;  // counted as non-originating in the evaluation
  bool stage_looked = false;
  const textile_stage_range* stage = nullptr;  // looked up once, when a textile rule needs it
};

struct alt_state {
  bool fail_other = false;     // failed for a reason no tolerance cures
  bool share_fail = false;     // a value rule or material cap is exceeded
  std::optional<decimal> margin;  // the tightest margin of the alternative's value rules
  bool undetermined = false;
  bool any_breaking = false;
  bool has_value_limit = false;
  std::optional<decimal> limit;  // smallest max share of a value rule in the alternative
};

struct alt_result {
  outcome o = outcome::fail;
  bool tolerance_used = false;
  bool has_value_limit = false;
  bool only_share_failed = false;
  std::optional<decimal> limit;
};

/// Options for one evaluation.
struct eval_options {
  bool unknown_as_originating = false;  // the optimistic scenario
  bool no_cumulation = false;           // is cumulation needed?
  std::size_t local_material = static_cast<std::size_t>(-1);  // what-if: this one sourced locally
};

template <bool Explain>
class evaluator {
 public:
  evaluator(const origin_assessor::impl& im, const origin_product& p, eval_options opt,
            origin_verdict* v)
      : im_(im), g_(im.data.origin_general_rules()), p_(p), opt_(opt), v_(v),
        cur_(p.ex_works_price.currency()), e_(p.ex_works_price.amount()) {}

  origin_status run() {
    check_inputs();
    prod_heading_ = heading_number(p_.hs);
    prod_chapter_ = p_.hs.chapter_number();
    if (auto s = transport_step()) return *s;
    if (auto s = beneficiary_step()) return *s;
    const origin_text_record* wo_cat = wholly_obtained_category();
    classify_materials();
    if (auto s = wholly_obtained_step(wo_cat)) return *s;
    bool any_non = false;
    bool any_cum = false;
    for (const auto& m : mats_) {
      any_non = any_non || m.non;
      any_cum = any_cum || m.status == material_status::cumulated;
    }
    if (auto s = materials_step(any_non, any_cum)) return *s;
    if (auto s = insufficient_working_step(any_non, any_cum)) return *s;
    if (Explain) explain_cumulation();
    const origin_status st = list_rule_step();
    return operations_unknown_ ? without_operations(st) : st;
  }

 private:
  /// The product's code, price and materials are usable. @throws input_error otherwise.
  void check_inputs() const {
    if (p_.hs.length() < 4) {
      detail::throw_error(errc::invalid_argument,
                          "the product's tariff code must have at least 4 digits (heading), got \"" +
                              std::string(p_.hs.digits()) + "\"");
    }
    if (p_.ex_works_price_known && e_.signum() <= 0) {
      detail::throw_error(errc::invalid_argument,
                          "the ex-works price must be positive, got " + p_.ex_works_price.to_string());
    }
    const auto& countries = im_.data.countries();
    if (countries.find(p_.exporter) == nullptr) {
      detail::throw_error(errc::invalid_country_code,
                          "exporter \"" + p_.exporter.to_string() +
                              "\" is not a country of iso3166_countries");
    }
    for (std::size_t i = 0; i < p_.materials.size(); ++i) {
      const auto& o = p_.materials[i].origin;
      if (o && countries.find(*o) == nullptr) {
        detail::throw_error(errc::invalid_country_code,
                            "materials/" + std::to_string(i) + "/origin: \"" + o->to_string() +
                                "\" is not a country of iso3166_countries (\"unknown\" when not known)");
      }
    }
    for (std::size_t i = 0; i < p_.operations.size(); ++i) {
      if (!im_.operations.accepts(p_.operations[i], p_.as_of)) {
        im_.operations.require(p_.operations[i], p_.as_of, "operations/" + std::to_string(i));
      }
    }
    for (std::size_t i = 0; i < p_.materials.size(); ++i) {
      const auto& m = p_.materials[i];
      if ((m.value && m.value->is_negative()) || (m.net_weight_kg && m.net_weight_kg->is_negative())) {
        detail::throw_error(errc::invalid_argument,
                            "material " + std::to_string(i) + " (" + m.description +
                                ") has a negative value or weight");
      }
    }
  }

  /// Direct transport / non-manipulation (Art. 43): a declared breach decides.
  std::optional<origin_status> transport_step() {
    // Direct transport / non-manipulation (Art. 43).
    if (p_.direct_transport && !*p_.direct_transport) {
      if (Explain) {
        add("origin.non_manipulation", severity::error,
            "declared that the products were not transported or kept as Art. 43 requires (altered, "
            "transformed or not kept under customs supervision in transit): no preferential origin",
            ref_principle("non_manipulation", std::string(act) + ", Art. 43"));
        v_->rule_reference = std::string(act) + ", Art. 43";
      }
      return finish(origin_status::not_originating);
    }
    if (Explain && !p_.direct_transport) {
      add("origin.non_manipulation.presumed", severity::info,
          "direct transport not declared: compliance with Art. 43 is presumed unless customs have "
          "reason to believe the contrary (Art. 43(5))",
          std::string(act) + ", Art. 43(5)");
    }

    return std::nullopt;
  }

  /// The exporting country must be a beneficiary; an LDC (Annex IV) reads column (a).
  std::optional<origin_status> beneficiary_step() {
    const auto& d = p_.as_of;
    const auto& ben = im_.data.gsp_beneficiaries();
    const beneficiary_status st = ben.status(p_.exporter, d);
    ldc_ = ben.find(p_.exporter, gsp_arrangement::eba, d) != nullptr;
    if (Explain) v_->ldc_column = ldc_;
    if (st == beneficiary_status::unknown) {
      // Which column of Annex 22-03 applies, and whether GSP origin can be acquired at all,
      // depend on the Annexes of Regulation (EU) No 978/2012 on the date: not a "no".
      if (Explain) {
        v_->missing.push_back("the GSP beneficiary status of " + p_.exporter.to_string() + " on " +
                              format_date(d) + " (not in fairport's beneficiary data)");
        add("origin.beneficiary_status_unknown", severity::warning,
            "fairport's beneficiary data does not know the status of " + p_.exporter.to_string() +
                " on " + format_date(d) + " (it holds the history it could source since 2014)",
            "Regulation (EU) No 978/2012, Annexes II to IV; " + std::string(act) + ", Art. 41");
      }
      return finish(origin_status::undetermined);
    }
    if (st == beneficiary_status::not_listed) {
      if (Explain) {
        add("origin.not_beneficiary", severity::error,
            p_.exporter.to_string() + " is not a GSP beneficiary on " + format_date(d) +
                ": GSP origin cannot be acquired there",
            "Regulation (EU) No 978/2012, Annex II; " + std::string(act) + ", Art. 41");
      }
      return finish(origin_status::not_originating);
    }

    return std::nullopt;
  }

  /// The wholly obtained category given, which must be a point of Art. 44(1) in the data.
  const origin_text_record* wholly_obtained_category() const {
    const auto& d = p_.as_of;
    const origin_text_record* wo_cat = nullptr;
    if (!p_.wholly_obtained_category.empty()) {
      wo_cat = g_.wholly_obtained(p_.wholly_obtained_category, d);
      if (wo_cat == nullptr) {
        detail::throw_error(errc::invalid_argument,
                            "\"" + p_.wholly_obtained_category +
                                "\" is not a point of Art. 44(1) (a to m) in the loaded data");
      }
    }

    return wo_cat;
  }

  /// Wholly obtained (Art. 44). A what-if on headroom looks at the list rule instead.
  std::optional<origin_status> wholly_obtained_step(const origin_text_record* wo_cat) {
    if (p_.wholly_obtained_claim && !collect_headroom) {
      bool all_local = true;
      for (std::size_t i = 0; i < mats_.size(); ++i) {
        if (mats_[i].status != material_status::originating) {
          all_local = false;
          if (Explain) {
            add("origin.wholly_obtained.not_supported", severity::warning,
                "claimed wholly obtained, but material " + mat_name(i) + " is " +
                    std::string(to_string(mats_[i].status)) +
                    ": the claim does not hold; the list rule decides",
                std::string(act) + ", Art. 44(1)(m)");
          }
        }
      }
      if (all_local) {
        if (Explain) {
          const std::string art = std::string(act) + ", Art. 44(1)" +
                                  (wo_cat ? "(" + wo_cat->point + ")" : std::string());
          v_->basis = origin_basis::wholly_obtained;
          v_->rule_text = wo_cat ? wo_cat->text : std::string("wholly obtained in the beneficiary country");
          v_->rule_reference = wo_cat ? wo_cat->source.to_string() : art;
          add("origin.wholly_obtained", severity::info,
              "wholly obtained in " + p_.exporter.to_string() +
                  (wo_cat ? ": " + wo_cat->text : std::string()) +
                  (mats_.empty() ? std::string()
                                 : "; all " + std::to_string(mats_.size()) +
                                       " materials originate in " + p_.exporter.to_string()),
              art);
        }
        return finish(origin_status::originating);
      }
    }

    return std::nullopt;
  }

  /// No materials and no claim: nothing to assess; every material originating: originating.
  std::optional<origin_status> materials_step(bool any_non, bool any_cum) {
    const auto& d = p_.as_of;
    if (mats_.empty() && !p_.wholly_obtained_claim) {
      if (Explain) {
        v_->missing.push_back("the materials used, or a wholly obtained claim (Art. 44(1))");
        add("origin.no_materials", severity::warning,
            "no materials and no wholly obtained claim: nothing to assess", std::string(act) + ", Art. 44, 45");
      }
      return finish(origin_status::undetermined);
    }
    if (!any_non && !any_cum && !collect_headroom) {
      if (Explain) {
        v_->basis = origin_basis::sufficient_working;
        const auto* abs = g_.principle("absorption", d);
        v_->rule_text = "no non-originating materials used";
        v_->rule_reference = abs ? abs->source.to_string() : std::string(act) + ", Art. 45(2)";
        add("origin.all_materials_originating", severity::info,
            "every material originates in " + p_.exporter.to_string() +
                ": list rules concern non-originating materials only, and no account is taken of "
                "non-originating materials used to make originating ones",
            std::string(act) + ", Art. 45(2); Annex 22-03 Note 2.1");
        fill_value_figures(std::nullopt);
      }
      return finish(origin_status::originating);
    }

    return std::nullopt;
  }

  /// No operations declared: a list rule that is not met decides (insufficient working could only
  /// make it worse); one that is met leaves the origin undetermined, as Art. 47(1) cannot be
  /// ruled out.
  origin_status without_operations(origin_status st) {
    if (st == origin_status::not_originating) {
      if (Explain) {
        add("origin.operations_not_needed", severity::info,
            "no operations declared; the list rule is not met whatever they were, so Art. 47(1) "
            "does not change the verdict",
            std::string(act) + ", Art. 47(1)");
      }
      return st;
    }
    if (Explain) {
      v_->basis.reset();
      v_->missing.push_back("the operations carried out in " + p_.exporter.to_string() +
                            " (ids of `fairport vocab operations`)");
      add("origin.operations_missing", severity::warning,
          "no operations declared: whether the working goes beyond Art. 47(1) cannot be decided",
          std::string(act) + ", Art. 47(3)");
    }
    return finish(origin_status::undetermined);
  }

  /// Insufficient working (Art. 47): defeats any list rule and any cumulation.
  std::optional<origin_status> insufficient_working_step(bool any_non, bool any_cum) {
    const auto& d = p_.as_of;
    const bool hypothetical = collect_headroom && !any_non && !any_cum;
    if (p_.operations.empty() && !hypothetical) {
      // Art. 47 can only take the origin away: the list rule still decides a "no".
      operations_unknown_ = true;
      return std::nullopt;
    }
    bool all_insufficient = true;
    for (const auto& op : p_.operations) {
      if (g_.insufficient_operation(op, d) == nullptr) {
        all_insufficient = false;
        if (!Explain) break;
      }
    }
    if (Explain && !p_.operations.empty()) explain_operations(all_insufficient);
    if (all_insufficient && !hypothetical) {
      if (Explain) {
        v_->rule_text = "insufficient working or processing";
        v_->rule_reference = std::string(act) + ", Art. 47(1)";
        if (any_cum) {
          add("origin.cumulation.insufficient", severity::error,
              "cumulation needs working beyond Art. 47(1); where it is not, the origin is that of the "
              "country with the highest share of the value of the materials (Art. 55(4))",
              std::string(act) + ", Arts. 53, 54, 55(4)");
        }
      }
      return finish(origin_status::not_originating);
    }
    return std::nullopt;
  }

  /// The list rule (Annex 22-03): its alternatives in turn, the first that is met decides.
  origin_status list_rule_step() {
    const list_rule_row* row = select_row();
    if (row == nullptr) return finish(origin_status::undetermined);
    const auto& column = ldc_ ? row->ldc : row->other;
    if (Explain) row_ref_ = row->source.to_string();
    if (Explain) {
      v_->row = row->hs + (row->row.empty() ? std::string() : " [" + row->row + "]");
      v_->rule_reference = row->source.to_string();
      add("origin.list_rule", severity::info,
          "list rule row " + v_->row + " (" + row->description + "), column " +
              (ldc_ ? "(a), for least-developed (Annex IV) countries" : "(b), for other beneficiaries"),
          row->source.to_string());
    }
    brk_.assign(mats_.size(), 0);
    saved_.assign(mats_.size(), 0);
    bool any_undetermined = false;
    bool passed = false;
    const rule_alternative* first_value_alt = nullptr;
    std::optional<decimal> first_limit;
    for (const auto& alt : column) {
      std::fill(brk_.begin(), brk_.end(), 0);
      std::fill(saved_.begin(), saved_.end(), 0);
      const alt_result r = evaluate(alt);
      if (r.has_value_limit && first_value_alt == nullptr) {
        first_value_alt = &alt;
        first_limit = r.limit;
      }
      if (r.o == outcome::pass && collect_headroom) {
        passed = true;  // a what-if on headroom looks at every alternative
        continue;
      }
      if (r.o == outcome::pass) {
        if (Explain) {
          v_->rule_text = alt.text;
          record_materials(true);
          fill_value_figures(r.limit);
          add("origin.rule_met", severity::info, "rule met: \"" + alt.text + "\"",
              row->source.to_string());
        }
        deciding_ = &alt;
        return finish(origin_status::originating);
      }
      if (r.o == outcome::undetermined) any_undetermined = true;
    }
    if (passed) return finish(origin_status::originating);
    if (Explain) {
      record_materials(false);
      fill_value_figures(first_limit);
      if (first_value_alt) v_->rule_text = first_value_alt->text;
      else if (!column.empty()) v_->rule_text = column.front().text;
    }
    return finish(any_undetermined ? origin_status::undetermined : origin_status::not_originating);
  }

 public:
  /// Alternatives that failed only on a value rule: the best (largest) margin, for headroom.
  std::optional<decimal> best_margin;
  bool unlimited = false;
  std::string headroom_rule;
  bool collect_headroom = false;
  const rule_alternative* deciding_ = nullptr;

 private:
  // ---- materials ------------------------------------------------------------------------------

  void classify_materials() {
    const auto& d = p_.as_of;
    mats_.resize(p_.materials.size());
    const auto& scopes = g_.cumulation_records();
    for (std::size_t i = 0; i < p_.materials.size(); ++i) {
      const auto& m = p_.materials[i];
      auto& mi = mats_[i];
      mi.heading = heading_number(m.hs);
      mi.chapter = m.hs.chapter_number();
      if (i == opt_.local_material || (m.origin && *m.origin == p_.exporter)) {
        mi.status = material_status::originating;
      } else if (!m.origin) {
        mi.status = opt_.unknown_as_originating ? material_status::originating : material_status::unknown;
      } else {
        mi.status = material_status::non_originating;
        // Without proof a material cannot be cumulated; the scopes are then looked at only to
        // explain what proof would change.
        const bool look = Explain || (m.cumulation_proof && !opt_.no_cumulation);
        for (const auto& entry : scopes) {
          if (!look) break;
          if (!entry.first.contains(d)) continue;
          const auto* s = &entry.second;
          if (contains_chapter(s->excluded_product_chapters, prod_chapter_) ||
              contains_chapter(s->excluded_material_chapters, mi.chapter)) {
            continue;
          }
          bool member = s->country_group.empty() ? s->lists(*m.origin)
                                                 : im_.data.countries().is_member(s->country_group, *m.origin, d);
          if (member && (s->scope == cumulation_kind::regional || s->scope == cumulation_kind::extended)) {
            member = s->lists(p_.exporter);
            if (member && s->scope == cumulation_kind::regional) {
              member = im_.data.gsp_beneficiaries().is_beneficiary(*m.origin, d);
            }
          }
          if (!member) continue;
          if (m.cumulation_proof && !opt_.no_cumulation) {
            mi.status = material_status::cumulated;
            mi.cum = s;
          } else {
            mi.denied = s;
          }
          break;
        }
      }
      mi.non = mi.status == material_status::non_originating || mi.status == material_status::unknown;
    }
  }

  std::string mat_name(std::size_t i) const {
    const auto& m = p_.materials[i];
    std::string s = "'" + m.description + "' (" + std::string(m.hs.digits()) + ", " +
                    (m.origin ? m.origin->to_string() : std::string("origin unknown"));
    if (m.value) s += ", " + m.value->to_string() + " " + cur_.to_string();
    return s + ")";
  }

  void explain_operations(bool all_insufficient) {
    std::string listed, other;
    for (const auto& op : p_.operations) {
      if (const auto* r = g_.insufficient_operation(op, p_.as_of)) {
        listed += (listed.empty() ? "" : ", ") + op + " (Art. 47(1)(" + r->point + "))";
      } else {
        other += (other.empty() ? "" : ", ") + op;
      }
    }
    if (all_insufficient) {
      add("origin.insufficient_working", severity::error,
          "only operations of Art. 47(1) were carried out: " + listed +
              (p_.operations.size() > 1 ? "; their combination is insufficient too (Art. 47(1)(q))" : "") +
              ". They confer no origin whether or not the list rule is met (declared as simple: no "
              "special skills nor machines or tools especially produced or installed for them, "
              "Art. 47(2))",
          std::string(act) + ", Art. 47(1) to (3)");
    } else {
      add("origin.operations", severity::info,
          "operations beyond Art. 47(1): " + other +
              (listed.empty() ? std::string() : "; also carried out: " + listed) +
              " (list-rule processes and working operations of fairport's vocabulary go beyond "
              "Art. 47(1); `fairport vocab operations`)",
          std::string(act) + ", Art. 47(3)");
    }
  }

  void explain_cumulation() {
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      const auto& mi = mats_[i];
      if (mi.cum) {
        add("origin.cumulation", severity::info,
            "material " + mat_name(i) + " counts as originating in " + p_.exporter.to_string() +
                " through " + mi.cum->label,
            mi.cum->source.to_string());
        if (mi.cum->scope == cumulation_kind::regional) {
          add("origin.cumulation.regional_conditions", severity::warning,
              "regional cumulation also requires that the material is not one of Annex 22-04 where "
              "the preferences differ" +
                  std::string(is_textile_chapter(prod_chapter_)
                                  ? ", and for textile products working beyond Annex 22-05"
                                  : "") +
                  "; fairport does not hold those annexes: confirm",
              std::string(act) + ", Art. 55(3) and (4)");
        }
      } else if (mi.denied) {
        add("origin.cumulation.no_proof", severity::info,
            "material " + mat_name(i) + " would count as originating through " + mi.denied->label +
                " with proof of its originating status; without it, it is non-originating",
            mi.denied->source.to_string());
      } else if (mi.status == material_status::unknown) {
        add("origin.material.unknown_origin", severity::warning,
            "origin of material " + mat_name(i) + " is unknown: counted as non-originating",
            std::string(act) + ", Art. 45");
      }
    }
  }

  // ---- rows -----------------------------------------------------------------------------------

  const list_rule_row* select_row() {
    std::vector<const list_rule_row*> found;
    const cn_match match = im_.data.list_rules().lookup(p_.hs, p_.as_of, found);
    const std::size_t n = found.size();
    if (match == cn_match::depends_on_subcode) {
      if (Explain) {
        v_->missing.push_back("a longer CN code: the list rules of origin differ below " +
                              std::string(p_.hs.digits()));
        add("origin.list_rule_depends_on_subcode", severity::warning,
            "the list rules of Annex 22-03 differ within " + std::string(p_.hs.digits()) +
                ": give the subheading (6 digits or more) to choose the rule",
            "eu_gsp_list_rules " + im_.data.dataset("eu_gsp_list_rules").version);
      }
      return nullptr;
    }
    if (n == 0) {
      if (Explain) {
        v_->missing.push_back("the Annex 22-03 list rule for " + std::string(p_.hs.digits()) +
                              " (dataset eu_gsp_list_rules has no row for it on " +
                              format_date(p_.as_of) + ")");
        add("origin.no_list_rule", severity::warning,
            "no list rule for " + std::string(p_.hs.digits()) +
                " in the loaded data: the product is not wholly obtained and cannot be assessed "
                "for sufficient working",
            "eu_gsp_list_rules " + im_.data.dataset("eu_gsp_list_rules").version);
      }
      return nullptr;
    }
    if (!p_.list_rule_row.empty()) {
      for (std::size_t i = 0; i < n; ++i) {
        if (found[i]->row == p_.list_rule_row) return found[i];
      }
    }
    if (n == 1 && p_.list_rule_row.empty()) return found[0];
    std::string choices;
    for (std::size_t i = 0; i < n; ++i) {
      choices += (i ? "; " : "") + std::string("\"") + found[i]->row + "\" (" + found[i]->description + ")";
    }
    if (!p_.list_rule_row.empty()) {
      detail::throw_error(errc::invalid_argument, "list_rule_row \"" + p_.list_rule_row +
                                                      "\" is not a row for " +
                                                      std::string(p_.hs.digits()) + ": " + choices);
    }
    if (Explain) {
      v_->missing.push_back("list_rule_row: which row describes the product: " + choices);
      add("origin.row_choice", severity::warning,
          "the range holding " + std::string(p_.hs.digits()) +
              " has rows told apart by description; choose one: " + choices,
          found[0]->source.to_string());
    }
    return nullptr;
  }

  // ---- alternatives ---------------------------------------------------------------------------

  bool declared(std::string_view id) const {
    return std::find(p_.operations.begin(), p_.operations.end(), id) != p_.operations.end();
  }

  /// Whether the process a rule names was carried out: its id is declared, or, for a process the
  /// Annex words as one process "accompanied by" another (ids joined by "_plus_" or "_and_":
  /// "weaving_plus_making_up", "embroidery_and_making_up"), each of them is; a part worded as
  /// alternatives ("_or_": "spinning_or_extrusion") is met by the whole part or by any one
  /// alternative.
  bool has_operation(const std::string& id) const {
    if (declared(id)) return true;
    constexpr std::string_view alt = "_or_";
    const std::string_view all(id);
    const std::string_view plus =
        all.find("_plus_") != std::string_view::npos ? "_plus_" : "_and_";
    if (all.find(plus) == std::string_view::npos) return false;
    std::size_t from = 0;
    while (from <= all.size()) {
      const std::size_t to = std::min(all.find(plus, from), all.size());
      const std::string_view part = all.substr(from, to - from);
      bool met = declared(part);
      for (std::size_t a = 0; !met && a <= part.size();) {
        const std::size_t b = std::min(part.find(alt, a), part.size());
        met = b != part.size() || a != 0 ? declared(part.substr(a, b - a)) : false;
        a = b + alt.size();
      }
      if (!met) return false;
      from = to + plus.size();
    }
    return true;
  }

  void missing(std::string s) {
    if (Explain) {
      if (std::find(v_->missing.begin(), v_->missing.end(), s) == v_->missing.end()) {
        v_->missing.push_back(std::move(s));
      }
    }
  }

  /// Sum of the values of the materials selected by `pick`; nullopt if one lacks a value.
  template <class Pick>
  std::optional<decimal> value_sum(Pick pick, const char* purpose) {
    decimal sum;
    bool ok = true;
    if (!p_.ex_works_price_known) {
      // Art. 37(14): the value rules compare materials with the ex-works price.
      if (Explain) missing("ex_works_price");
      ok = false;
    }
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!pick(i)) continue;
      if (!p_.materials[i].value) {
        ok = false;
        if (Explain) missing("value of material " + mat_name(i) + " (" + purpose + ")");
        continue;
      }
      sum += *p_.materials[i].value;
    }
    if (!ok) return std::nullopt;
    return sum;
  }

  void share_test(const decimal& max_share, const char* code, const std::string& what,
                  alt_state& s) {
    s.has_value_limit = true;
    if (!s.limit || max_share < *s.limit) s.limit = max_share;
    auto v = value_sum([&](std::size_t i) { return mats_[i].non; }, "value rule");
    if (!v) {
      s.undetermined = true;
      return;
    }
    const decimal allowed = max_share * e_;
    const bool ok = *v <= allowed;
    {
      const decimal m = allowed - *v;
      if (!s.margin || m < *s.margin) s.margin = m;
    }
    if (!ok) s.share_fail = true;
    if (Explain) {
      add(code, ok ? severity::info : severity::error,
          what + " " + percent_text(*v, e_) + " of ex-works price (" + money_text(*v, cur_) + " of " +
              money_text(e_, cur_) + "; percentages rounded half_even to 2 places); limit " +
              share_percent(max_share) + "; margin " + money_text(allowed - *v, cur_) +
              (ok ? "" : ": exceeded"),
          row_ref_);
    }
  }

  void stage_test(const std::string& natural, const std::string& man_made, const origin_test& t,
                  alt_state& s) {
    const int nat_lim = natural_rank(natural);  // -1 for n/a
    const int mm_lim = man_made_rank(man_made);
    bool relies = false;  // a non-originating textile material uses the rule's allowance
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!mats_[i].non || !is_textile_chapter(mats_[i].chapter)) continue;
      const auto& m = p_.materials[i];
      if (mats_[i].heading < 0) {
        s.undetermined = true;
        missing("heading (4 digits) of material " + mat_name(i));
        continue;
      }
      const auto* st = stage_of(i);
      if (st == nullptr) {
        s.undetermined = true;
        missing("textile stage (fibre, yarn, fabric) of material " + mat_name(i) + ": heading " +
                std::string(m.hs.digits().substr(0, 4)) + " has none in eu_gsp_origin_general_rules");
        continue;
      }
      bool ok_nat = nat_lim >= 0 && natural_rank(st->stage) >= 0 && natural_rank(st->stage) <= nat_lim;
      bool ok_mm = mm_lim >= 0 && man_made_rank(st->stage) >= 0 && man_made_rank(st->stage) <= mm_lim;
      bool ok;
      if (st->family == "natural") {
        ok = ok_nat;
      } else if (st->family == "man_made") {
        ok = ok_mm;
      } else if (ok_nat == ok_mm) {
        ok = ok_nat;
      } else {
        s.undetermined = true;
        missing("fibre family (natural or man-made) of material " + mat_name(i));
        continue;
      }
      if (ok) relies = true;
      if (!ok) {
        brk_[i] = 1;
        s.any_breaking = true;
        if (Explain) {
          add("origin.textile_stage.broken", severity::warning,
              "material " + mat_name(i) + " is " + st->family + " " + st->stage +
                  ", a later stage than the rule allows for non-originating materials (natural: " +
                  natural + ", man-made: " + man_made + ")",
              st->source.to_string());
        }
      }
    }
    if (t.cap) {
      // The cap names the material at the latest stage the rule allows (e.g. unembroidered fabric).
      const int top_nat = nat_lim, top_mm = mm_lim;
      auto at_top = [&](std::size_t i) {
        if (!mats_[i].non || !is_textile_chapter(mats_[i].chapter) || brk_[i]) return false;
        const auto* st = stage_of(i);
        if (st == nullptr) return false;
        return (top_nat >= 0 && natural_rank(st->stage) == top_nat) ||
               (top_mm >= 0 && man_made_rank(st->stage) == top_mm);
      };
      cap_test(*t.cap, at_top, s);
    }
    if (relies && t.kind == origin_test_kind::textile_stage && !t.process.empty() && !has_operation(t.process)) {
      // Non-originating textile materials rely on the rule: its process must be carried out.
      s.undetermined = true;
      missing("whether the process of the rule \"" + t.process + "\" is carried out in " +
              p_.exporter.to_string() + " (declare the operation id \"" + t.process + "\")");
    }
  }

  const textile_stage_range* stage_of(std::size_t i) {
    auto& mi = mats_[i];
    if (!mi.stage_looked) {
      mi.stage_looked = true;
      const auto dg = p_.materials[i].hs.digits();
      mi.stage = dg.size() >= 4 ? g_.textile_stage(dg.substr(0, 4), p_.as_of) : nullptr;
    }
    return mi.stage;
  }

  template <class Pick>
  void cap_test(const material_cap& cap, Pick pick, alt_state& s) {
    s.has_value_limit = true;
    auto v = value_sum(pick, "material cap");
    if (!v) {
      s.undetermined = true;
      return;
    }
    const decimal allowed = cap.max_share * e_;
    const bool ok = *v <= allowed;
    {
      const decimal m = allowed - *v;
      if (!s.margin || m < *s.margin) s.margin = m;
    }
    if (!ok) s.share_fail = true;
    if (Explain) {
      add("origin.material_cap", ok ? severity::info : severity::error,
          "non-originating " + cap.material + " " + percent_text(*v, e_) + " of ex-works price (" +
              v->to_string() + " " + cur_.to_string() + "; half_even, 2 places); limit " +
              share_percent(cap.max_share) + "; margin " + money_text(allowed - *v, cur_) +
              (ok ? "" : ": exceeded"),
          row_ref_);
    }
  }

  /// Every non-originating material breaks a rule that wants wholly obtained materials.
  void wholly_obtained_test(alt_state& s) {
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!mats_[i].non) continue;
      brk_[i] = 1;
      s.any_breaking = true;
      if (Explain) {
        add("origin.wholly_obtained_rule.broken", severity::warning,
            "material " + mat_name(i) + " is not originating; the rule requires wholly obtained materials",
            std::string(act) + ", Annex 22-03 Part II; Art. 48(3)");
      }
    }
  }

  /// "All the materials of Chapter 8 used are wholly obtained": a material of those chapters or
  /// headings that is not shown to originate breaks the rule (a tolerance may still save it,
  /// Art. 48); one whose code is too short to tell is asked for.
  void wholly_obtained_materials_test(const origin_test& t, alt_state& s) {
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!mats_[i].non) continue;
      const auto dg = p_.materials[i].hs.digits();
      bool in_scope = false;
      bool unclear = false;
      for (const auto& c : t.headings) {
        if (dg.size() >= c.size()) {
          in_scope = in_scope || dg.substr(0, c.size()) == c;
        } else if (std::string_view(c).substr(0, dg.size()) == dg) {
          unclear = true;  // "08" asked of a material given only as "0" or as a chapter of it
        }
      }
      if (in_scope) {
        brk_[i] = 1;
        s.any_breaking = true;
        if (Explain) {
          add("origin.wholly_obtained_rule.broken", severity::warning,
              "material " + mat_name(i) + " is not shown to be originating; the rule requires " +
                  t.inputs + " to be wholly obtained",
              row_ref_);
        }
      } else if (unclear) {
        s.undetermined = true;
        missing("the code of material " + mat_name(i) + " (the rule asks whether it is one of " +
                t.inputs + ")");
      }
    }
  }

  /// Change of tariff heading (Annex 22-03 Note 3.3), with its exclusions and conditions.
  void tariff_shift_test(const origin_test& t, alt_state& s) {
    std::vector<std::size_t> same;  // only for same_heading_max_share
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!mats_[i].non) continue;
      const int h = mats_[i].heading;
      if (h < 0) {
        s.undetermined = true;
        missing("heading (4 digits) of material " + mat_name(i));
        continue;
      }
      bool excluded = h == prod_heading_;
      for (const auto& eh : t.headings) {
        if (std::stoi(eh.substr(0, 4)) == h) excluded = true;
      }
      if (!t.restricted_inputs.empty()) {
        for (const auto& rh : t.restricted_inputs) {
          if (std::stoi(rh.substr(0, 4)) == h && !has_operation(t.restricted_inputs_need_process)) {
            brk_[i] = 1;
            s.any_breaking = true;
            if (Explain) {
              add("origin.tariff_shift.restricted_input", severity::warning,
                  "material " + mat_name(i) + " may be used only with the process \"" +
                      t.restricted_inputs_need_process + "\", which is not declared",
                  row_ref_);
            }
          }
        }
      }
      if (!excluded) continue;
      if (h == prod_heading_ && t.same_heading_max_share) {
        same.push_back(i);
        continue;
      }
      if (h == prod_heading_ && !t.same_heading_inputs.empty()) {
        s.undetermined = true;
        std::string list;
        for (const auto& a : t.same_heading_inputs) list += (list.empty() ? "" : "; ") + a;
        missing("whether material " + mat_name(i) + " of the product's heading is one of: " + list);
        continue;
      }
      brk_[i] = 1;
      s.any_breaking = true;
      if (Explain) {
        add("origin.tariff_shift.broken", severity::warning,
            "material " + mat_name(i) + " is of heading " + std::string(p_.materials[i].hs.digits().substr(0, 4)) +
                (h == prod_heading_ ? ", the product's own heading" : ", a heading the rule excludes") +
                ": it does not satisfy the change of tariff heading",
            std::string(act) + ", Annex 22-03 Part II, Note 3.3");
      }
    }
    if (!same.empty()) {
      auto v = value_sum([&](std::size_t i) { return std::find(same.begin(), same.end(), i) != same.end(); },
                         "same-heading materials");
      if (!v) {
        s.undetermined = true;
      } else if (*v > *t.same_heading_max_share * e_) {
        for (auto i : same) brk_[i] = 1;
        s.any_breaking = true;
      }
    }
  }

  /// Any heading except named materials: a material of a named heading needs a decision.
  /// Any heading, except named materials. With `excluded_codes` (t.headings) a material whose
  /// code lies outside them is not excluded, one inside them or given too coarsely to tell (6406
  /// against 640610) is asked about; without them, a material whose heading the text names is.
  void except_materials_test(const origin_test& t, alt_state& s) {
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!mats_[i].non || mats_[i].heading < 0) continue;
      const auto dg = p_.materials[i].hs.digits();
      bool ask = false;
      if (!t.headings.empty()) {
        for (const auto& c : t.headings) {
          const std::size_t n = std::min(dg.size(), c.size());
          if (dg.substr(0, n) == std::string_view(c).substr(0, n)) ask = true;
        }
      } else {
        ask = t.excluded.find(std::string(dg.substr(0, 4))) != std::string::npos;
      }
      if (ask) {
        s.undetermined = true;
        missing("whether material " + mat_name(i) + " is one of the excluded materials: " + t.excluded);
      }
    }
  }

  /// A named process, with its allowed inputs, textile stages and material cap.
  void specific_process_test(const origin_test& t, alt_state& s) {
    if (!has_operation(t.process)) {
      s.fail_other = true;
      if (Explain) {
        add("origin.process.not_declared", severity::info,
            "the rule requires the process \"" + t.process + "\", which is not among the declared operations",
            row_ref_);
      }
      return;
    }
    if (!t.headings.empty()) {
      for (std::size_t i = 0; i < mats_.size(); ++i) {
        if (!mats_[i].non) continue;
        bool allowed = false;
        const auto dg = p_.materials[i].hs.digits();
        for (const auto& a : t.headings) {
          if (dg.substr(0, std::min(dg.size(), a.size())) == a && dg.size() >= a.size()) allowed = true;
        }
        if (!allowed) {
          brk_[i] = 1;
          s.any_breaking = true;
        }
      }
    }
    if (t.stages) stage_test(t.stages->natural, t.stages->man_made, t, s);
    if (!t.inputs.empty()) {
      bool any = false;
      for (const auto& m : mats_) any = any || m.non;
      if (any) {
        s.undetermined = true;
        missing("whether the non-originating materials are " + t.inputs + " (rule: \"" + t.process + "\")");
      }
    }
    if (t.cap && !t.stages) {
      // The named material cannot be told apart: all non-originating materials together bound it.
      auto v = value_sum([&](std::size_t i) { return mats_[i].non; }, "material cap");
      s.has_value_limit = true;
      if (!v) {
        s.undetermined = true;
      } else if (*v > t.cap->max_share * e_) {
        s.undetermined = true;
        missing("value of the non-originating " + t.cap->material + " alone (cap " +
                share_percent(t.cap->max_share) + " of the ex-works price)");
      }
    }
  }

  /// A rule fairport does not decide: undetermined when a non-originating material is used.
  void manual_review_test(const origin_test& t, alt_state& s) {
    bool any = false;
    for (const auto& m : mats_) any = any || m.non;
    if (any) {
      s.undetermined = true;
      missing("an expert decision: " + t.reason);
    } else {
      s.fail_other = true;
    }
  }

  void eval_test(const origin_test& t, alt_state& s) {
    switch (t.kind) {
      case origin_test_kind::any_heading:
        return;
      case origin_test_kind::wholly_obtained:
        return wholly_obtained_test(s);
      case origin_test_kind::wholly_obtained_materials:
        return wholly_obtained_materials_test(t, s);
      case origin_test_kind::cth:
      case origin_test_kind::cth_except:
        return tariff_shift_test(t, s);
      case origin_test_kind::any_heading_except_materials:
        return except_materials_test(t, s);
      case origin_test_kind::max_nom_value:
        return share_test(*t.max_share, "origin.value_rule", "non-originating materials", s);
      case origin_test_kind::textile_stage:
        return stage_test(t.stages->natural, t.stages->man_made, t, s);
      case origin_test_kind::specific_process:
        return specific_process_test(t, s);
      case origin_test_kind::set_rule:
        share_test(*t.max_share, "origin.set_rule", "non-originating articles", s);
        s.undetermined = true;
        missing("an assessment of each article of the set under its own rule (set rule)");
        return;
      case origin_test_kind::all_of:
        for (const auto& c : t.all_of) eval_test(c, s);
        return;
      case origin_test_kind::manual_review:
        return manual_review_test(t, s);
    }
    s.undetermined = true;  // not reached: the loader refuses unknown kinds
    missing("a decision on a rule of unknown kind \"" + std::string(to_string(t.kind)) + "\"");
  }

  alt_result evaluate(const rule_alternative& alt) {
    alt_state s;
    eval_test(alt.test, s);
    alt_result r;
    r.has_value_limit = s.has_value_limit;
    r.limit = s.limit;
    bool tol_undetermined = false;
    bool saved = false;
    if (!s.fail_other && !s.share_fail && s.any_breaking) {
      saved = tolerance(alt, tol_undetermined);
    }
    if (s.fail_other || s.share_fail) {
      r.o = outcome::fail;
    } else if (s.any_breaking && !saved) {
      r.o = tol_undetermined ? outcome::undetermined : outcome::fail;
    } else if (s.undetermined) {
      r.o = outcome::undetermined;
    } else {
      r.o = outcome::pass;
    }
    r.tolerance_used = saved;
    if (collect_headroom) {
      if (r.o == outcome::pass && !s.has_value_limit) {
        unlimited = true;
        headroom_rule = alt.text;
      } else if (s.margin && !s.fail_other && !s.undetermined &&
                 (r.o == outcome::pass || !s.any_breaking || saved)) {
        // Passing, or failing on its value limits alone: the margin is what can be added or
        // must be cut.
        if (!best_margin || *s.margin > *best_margin) {
          best_margin = *s.margin;
          if (!unlimited) headroom_rule = alt.text;  // an unlimited alternative names itself
        }
      }
    }
    if (Explain) {
      add(r.o == outcome::pass ? "origin.alternative.met"
                               : (r.o == outcome::fail ? "origin.alternative.not_met" : "origin.alternative.undetermined"),
          r.o == outcome::pass ? severity::info : severity::warning,
          std::string(r.o == outcome::pass ? "met" : (r.o == outcome::fail ? "not met" : "cannot be decided")) +
              ": \"" + alt.text + "\"" + (saved ? " (with a tolerance)" : ""),
          row_ref_);
    }
    return r;
  }

  /// Annex 22-03 Note 6.1: the weight tolerance applies only to mixed products, made from two or
  /// more basic textile materials (Note 5.2). The materials are told apart by chapter (silk 50,
  /// wool and animal hair 51, cotton 52, other vegetable fibres 53, man-made filaments 54,
  /// man-made staple fibres 55): materials of one chapter count as one basic material even where
  /// Note 5.2 tells them apart (wool and fine animal hair, polyester and acrylic staple), so the
  /// tolerance is never given to a product that may be of a single material (fail closed).
  bool mixed_basic_textiles(const origin_tolerance& t) {
    unsigned chapters = 0;
    for (const auto& m : mats_) {
      if (m.chapter >= 50 && m.chapter <= 55) chapters |= 1u << (m.chapter - 50);
    }
    const bool mixed = (chapters & (chapters - 1)) != 0;  // two or more bits
    if (!mixed && Explain) {
      add("origin.tolerance.textile.not_mixed", severity::warning,
          t.marker + " does not apply: the product is not shown to be made of two or more basic "
              "textile materials (materials of Chapters 50 to 55 of one chapter only); Note 6.1 "
              "gives the tolerance to mixed products only",
          t.source.to_string());
    }
    return mixed;
  }

  /// The tolerance for the materials marked in brk_; true when they are allowed.
  /// Annex 22-03 Note 6 by weight: the non-originating basic textile materials that do not meet
  /// the rule, against the weight of all textile materials.
  bool textile_weight_tolerance(const origin_tolerance& t, bool& undetermined) {
    // Breaking materials must be basic textile materials (Chapters 50 to 55).
    bool eligible = true;
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (brk_[i] && !(mats_[i].chapter >= 50 && mats_[i].chapter <= 55)) eligible = false;
    }
    if (!eligible) return false;
    if (!mixed_basic_textiles(t)) return false;
    decimal total, part;
    bool ok = true;
    bool any_good_textile = false;  // a textile material that meets the rule
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (is_textile_chapter(mats_[i].chapter) && !brk_[i]) any_good_textile = true;
    }
    if (!any_good_textile) {
      // Every textile material breaks the rule: 100 % of the textile weight, whatever it is.
      if (Explain) {
        add("origin.tolerance.textile", severity::warning,
            t.marker + ": every textile material fails the rule (100 % of the textile weight); tolerance " +
                share_percent(t.max_share) + ": exceeded",
            t.source.to_string());
      }
      return false;
    }
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!is_textile_chapter(mats_[i].chapter)) continue;
      const auto& w = p_.materials[i].net_weight_kg;
      if (!w) {
        ok = false;
        if (Explain) missing("net weight of textile material " + mat_name(i) + " (" + t.marker + " tolerance)");
        continue;
      }
      total += *w;
      if (brk_[i]) part += *w;
    }
    if (!ok) {
      undetermined = true;
      return false;
    }
    const bool pass = total.signum() > 0 && part <= t.max_share * total;
    if (Explain) {
      add("origin.tolerance.textile", pass ? severity::info : severity::warning,
          t.marker + ": non-originating textile materials not meeting the rule weigh " + part.to_string() +
              " kg of " + total.to_string() + " kg of textile materials = " +
              (total.signum() > 0 ? percent_text(part, total) : std::string("n/a")) +
              " (half_even, 2 places); tolerance " + share_percent(t.max_share) + (pass ? ": allowed" : ": exceeded"),
          t.source.to_string());
    }
    return pass;
  }

  /// Annex 22-03 Note 6 by value: the textile materials that do not meet the rule, against the
  /// ex-works price.
  bool textile_value_tolerance(const origin_tolerance& t, bool& undetermined) {
    auto breaking = [&](std::size_t i) { return brk_[i] != 0; };
    bool eligible = true;
    if (t.other_heading_only) {
      for (std::size_t i = 0; i < mats_.size(); ++i) {
        if (brk_[i] && mats_[i].heading == prod_heading_) eligible = false;
      }
    }
    if (!eligible) {
      if (Explain) {
        add("origin.tolerance.textile", severity::warning,
            t.marker + " does not apply: a material that does not meet the rule is of the product's own heading",
            t.source.to_string());
      }
      return false;
    }
    auto v = value_sum(breaking, "tolerance");
    if (!v) {
      undetermined = true;
      return false;
    }
    const bool pass = *v <= t.max_share * e_;
    if (Explain) {
      add("origin.tolerance.textile", pass ? severity::info : severity::warning,
          t.marker + ": textile materials not meeting the rule " + money_text(*v, cur_) +
              " = " + percent_text(*v, e_) + " of the ex-works price (half_even, 2 places); tolerance " +
              share_percent(t.max_share) + (pass ? ": allowed" : ": exceeded"),
          t.source.to_string());
    }
    return pass;
  }

  /// Art. 48(1)(a): the materials that do not meet the rule, against the product's net weight.
  bool general_weight_tolerance(const origin_tolerance& t, bool& undetermined) {
    decimal part;
    bool ok = true;
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!brk_[i]) continue;
      if (!p_.materials[i].net_weight_kg) {
        ok = false;
        if (Explain) missing("net weight of material " + mat_name(i) + " (Art. 48(1)(a) tolerance)");
      } else {
        part += *p_.materials[i].net_weight_kg;
      }
    }
    if (!p_.net_weight_kg) {
      ok = false;
      if (Explain) missing("net weight of the product (Art. 48(1)(a) tolerance)");
    }
    if (!ok) {
      undetermined = true;
      return false;
    }
    const bool pass = p_.net_weight_kg->signum() > 0 && part <= t.max_share * *p_.net_weight_kg;
    if (Explain) {
      add("origin.tolerance.general", pass ? severity::info : severity::warning,
          "materials not meeting the rule weigh " + part.to_string() + " kg of the product's " +
              p_.net_weight_kg->to_string() + " kg; general tolerance " + share_percent(t.max_share) +
              " of the weight" + (pass ? ": allowed" : ": exceeded") +
              (prod_chapter_ == 16 ? " (not for processed fishery products of Chapter 16: confirm)" : ""),
          t.source.to_string());
    }
    return pass;
  }

  /// Art. 48(1)(b): the materials that do not meet the rule, against the ex-works price.
  bool general_value_tolerance(const origin_tolerance& t, bool& undetermined) {
    auto breaking = [&](std::size_t i) { return brk_[i] != 0; };
    auto v = value_sum(breaking, "general tolerance");
    if (!v) {
      undetermined = true;
      return false;
    }
    const bool pass = *v <= t.max_share * e_;
    if (Explain) {
      add("origin.tolerance.general", pass ? severity::info : severity::warning,
          "materials not meeting the rule " + v->to_string() + " " + cur_.to_string() + " = " +
              percent_text(*v, e_) + " of the ex-works price (half_even, 2 places); general tolerance " +
              share_percent(t.max_share) + (pass ? ": allowed" : ": exceeded"),
          t.source.to_string());
    }
    return pass;
  }

  /// The tolerance of an alternative that the materials fail: the textile tolerances the rule
  /// names for products of Chapters 50 to 63, else the general tolerance (Art. 48).
  bool tolerance(const rule_alternative& alt, bool& undetermined) {
    const auto& d = p_.as_of;
    if (is_textile_chapter(prod_chapter_)) {
      bool any_named = false;
      for (const auto& e : g_.tolerance_records()) {
        const auto& t = e.second;
        if (t.marker.empty() || !e.first.contains(d) || alt.note.find(t.marker) == std::string::npos) continue;
        any_named = true;
        const bool pass = t.basis == tolerance_basis::textile_weight ? textile_weight_tolerance(t, undetermined)
                                                      : textile_value_tolerance(t, undetermined);
        if (pass) return mark_saved(), true;
      }
      if (Explain) {
        const auto* gt = g_.tolerance("value", d);
        add("origin.tolerance.not_applicable", severity::warning,
            std::string(any_named ? "the textile tolerances named by the rule do not cover the materials; "
                                  : "the rule names no textile tolerance; ") +
                "the general tolerance does not apply to products of Chapters 50 to 63",
            gt ? gt->source.to_string() : std::string(act) + ", Art. 48(1)(b)");
      }
      return false;
    }
    for (const auto& e : g_.tolerance_records()) {
      const auto& t = e.second;
      if (!t.marker.empty() || !e.first.contains(d) || !t.applies_to_chapter(prod_chapter_)) continue;
      const bool pass = t.basis == tolerance_basis::net_weight ? general_weight_tolerance(t, undetermined)
                                                : general_value_tolerance(t, undetermined);
      if (pass) mark_saved();
      return pass;
    }
    return false;
  }

  void mark_saved() {
    for (std::size_t i = 0; i < brk_.size(); ++i) saved_[i] = brk_[i];
  }

  // ---- output ---------------------------------------------------------------------------------

  void record_materials(bool decided) {
    v_->materials.clear();
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      material_outcome o;
      o.index = i;
      o.status = mats_[i].status;
      if (mats_[i].cum) o.cumulation = mats_[i].cum->label;
      o.broke_rule = decided && brk_[i] != 0;
      o.saved_by_tolerance = decided && saved_[i] != 0;
      v_->materials.push_back(std::move(o));
    }
  }

  void fill_value_figures(const std::optional<decimal>& limit) {
    if (!p_.ex_works_price_known) return;
    if (v_->materials.empty()) {
      for (std::size_t i = 0; i < mats_.size(); ++i) {
        material_outcome o;
        o.index = i;
        o.status = mats_[i].status;
        if (mats_[i].cum) o.cumulation = mats_[i].cum->label;
        v_->materials.push_back(std::move(o));
      }
    }
    decimal sum;
    for (std::size_t i = 0; i < mats_.size(); ++i) {
      if (!mats_[i].non) continue;
      if (!p_.materials[i].value) return;
      sum += *p_.materials[i].value;
    }
    v_->non_originating_value = money(sum, cur_);
    v_->share = divide(sum, e_, 12, rounding_mode::half_even);
    if (limit) {
      v_->limit = *limit;
      v_->margin = money(*limit * e_ - sum, cur_);
    }
  }

  std::string ref_principle(const char* id, std::string fallback) const {
    const auto* p = g_.principle(id, p_.as_of);
    return p ? p->source.to_string() : std::move(fallback);
  }

  void add(const char* code, severity s, std::string message, std::string reference) {
    if (Explain) v_->findings.push_back(finding{code, s, std::move(message), std::move(reference)});
  }

  origin_status finish(origin_status st) {
    if (Explain) v_->status = st;
    return st;
  }

  const origin_assessor::impl& im_;
  const origin_general_rule_table& g_;
  const origin_product& p_;
  eval_options opt_;
  origin_verdict* v_;
  currency_code cur_;
  decimal e_;
  std::string row_ref_;
  int prod_heading_ = -1;
  int prod_chapter_ = 0;
  bool ldc_ = false;
  bool operations_unknown_ = false;  // no operations declared (Art. 47 cannot be applied)
  small_buf<mat_info, 24> mats_;
  small_buf<unsigned char, 24> brk_;
  small_buf<unsigned char, 24> saved_;
};

bool has_unknown(const origin_product& p) {
  for (const auto& m : p.materials) {
    if (!m.origin) return true;
  }
  return false;
}

}  // namespace

origin_assessor::origin_assessor(origin_scheme scheme, const reference_data& data)
    : impl_(new impl(scheme, data)) {}
origin_assessor::~origin_assessor() { delete impl_; }
origin_assessor::origin_assessor(const origin_assessor& o) : impl_(new impl(*o.impl_)) {}
origin_assessor& origin_assessor::operator=(const origin_assessor& o) {
  if (this != &o) {
    impl* n = new impl(*o.impl_);
    delete impl_;
    impl_ = n;
  }
  return *this;
}
origin_assessor::origin_assessor(origin_assessor&& o) noexcept : impl_(o.impl_) { o.impl_ = nullptr; }
origin_assessor& origin_assessor::operator=(origin_assessor&& o) noexcept {
  std::swap(impl_, o.impl_);
  return *this;
}

origin_status origin_assessor::status(const origin_product& product) const {
  evaluator<false> e(*impl_, product, {}, nullptr);
  const origin_status s = e.run();
  if (s == origin_status::not_originating && has_unknown(product)) {
    eval_options opt;
    opt.unknown_as_originating = true;
    evaluator<false> o(*impl_, product, opt, nullptr);
    if (o.run() != origin_status::not_originating) return origin_status::undetermined;
  }
  return s;
}

origin_verdict origin_assessor::assess(const origin_product& product) const {
  origin_verdict v;
  evaluator<true> e(*impl_, product, {}, &v);
  e.run();
  if (v.status == origin_status::not_originating && has_unknown(product)) {
    eval_options opt;
    opt.unknown_as_originating = true;
    evaluator<false> o(*impl_, product, opt, nullptr);
    if (o.run() != origin_status::not_originating) {
      v.status = origin_status::undetermined;
      for (std::size_t i = 0; i < product.materials.size(); ++i) {
        if (!product.materials[i].origin) {
          v.missing.push_back("origin of material " + std::to_string(i) + " '" +
                              product.materials[i].description + "' (" +
                              std::string(product.materials[i].hs.digits()) + ")");
        }
      }
      v.findings.push_back(make_finding(
          "origin.undetermined.unknown_origin", severity::warning,
          "the product does not originate if the materials of unknown origin are non-originating, "
          "and does if they originate in " + product.exporter.to_string() +
              ": their origin decides",
          std::string(act) + ", Art. 45"));
    } else {
      v.findings.push_back(make_finding(
          "origin.unknown_origin_irrelevant", severity::info,
          "the product would not originate even if the materials of unknown origin originated in " +
              product.exporter.to_string(),
          std::string(act) + ", Art. 45"));
    }
  }
  if (v.status == origin_status::undetermined && v.missing.empty()) {
    v.missing.push_back("an expert decision on the list rule (see findings)");
  }
  if (v.status == origin_status::originating && !v.basis) {
    bool any_cum = false;
    for (const auto& m : v.materials) any_cum = any_cum || m.status == material_status::cumulated;
    v.basis = origin_basis::sufficient_working;
    if (any_cum) {
      eval_options opt;
      opt.no_cumulation = true;
      evaluator<false> o(*impl_, product, opt, nullptr);
      if (o.run() != origin_status::originating) {
        v.basis = origin_basis::cumulation;
        v.findings.push_back(make_finding(
            "origin.basis.cumulation", severity::info,
            "without cumulation the product would not originate: the statement on origin must name "
            "the cumulation applied",
            std::string(act) + ", Arts. 53 to 56 and Annex 22-07"));
      }
    }
  }
  return v;
}

origin_headroom origin_assessor::headroom(const origin_product& product) const {
  origin_headroom h;
  origin_verdict v;
  evaluator<true> e(*impl_, product, {}, &v);
  e.collect_headroom = true;
  e.run();
  h.status = status(product);
  h.missing = v.missing;
  h.rule_text = e.headroom_rule;
  if (e.unlimited) {
    h.unlimited = true;
    return h;
  }
  if (e.best_margin) h.amount = money(*e.best_margin, product.ex_works_price.currency());
  return h;
}

std::vector<origin_flip> origin_assessor::local_sourcing_flips(const origin_product& product) const {
  std::vector<origin_flip> out;
  const origin_status base = status(product);
  for (std::size_t i = 0; i < product.materials.size(); ++i) {
    const auto& m = product.materials[i];
    if (m.origin && *m.origin == product.exporter) continue;
    eval_options opt;
    opt.local_material = i;
    evaluator<false> e(*impl_, product, opt, nullptr);
    origin_status s = e.run();
    if (s == origin_status::not_originating && has_unknown(product)) {
      eval_options o2 = opt;
      o2.unknown_as_originating = true;
      evaluator<false> o(*impl_, product, o2, nullptr);
      if (o.run() != origin_status::not_originating) s = origin_status::undetermined;
    }
    if (s != base) out.push_back(origin_flip{i, m.description, base, s});
  }
  return out;
}

origin_verdict assess_origin(const origin_product& product, const reference_data& data) {
  return origin_assessor(origin_scheme::eu_gsp, data).assess(product);
}
origin_verdict assess_origin(const origin_product& product, origin_scheme scheme,
                             const reference_data& data) {
  return origin_assessor(scheme, data).assess(product);
}
origin_headroom what_if_headroom(const origin_product& product, const reference_data& data) {
  return origin_assessor(origin_scheme::eu_gsp, data).headroom(product);
}
std::vector<origin_flip> what_if_local_sourcing(const origin_product& product,
                                                const reference_data& data) {
  return origin_assessor(origin_scheme::eu_gsp, data).local_sourcing_flips(product);
}

FAIRPORT_END_NAMESPACE
