#pragma once
/// @file provenance.hpp
/// Where a figure came from: the dataset, its version, the record and its legal reference.
///
/// Synopsis
/// @code
/// struct provenance {
///   std::string dataset, version;   // "eu_vat_rates", "2026.1.0"
///   std::string pointer;            // "/records/17" within the dataset file
///   std::string reference;          // "Umsatzsteuergesetz § 12(1)" (the record's legal reference)
///   std::string valid_from, valid_through;   // ISO dates; valid_through empty = open-ended
///   std::string layer;              // the user's file the record came from; "" = the base data
///   std::string to_string() const;  // "UStG § 12(1) (eu_vat_rates 2026.1.0 /records/17 [2007-01-01, open))"
///   std::string citation() const;   // "UStG § 12(1) (eu_vat_rates 2026.1.0 /records/17)"
/// };
/// @endcode
/// Every engine result that uses a dataset record copies its provenance, so a report can say
/// which rule, rate, record, legal reference and validity produced a figure. A record that a
/// user's data layer added (reference_data::with_layer) names that file in `layer`, `version` is
/// the file's own, and both strings say "user data FILE", so an officer sees what was edited.

#include <ostream>
#include <string>

#include "fairport/config.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The dataset record behind a figure.
struct provenance {
  std::string dataset;        ///< dataset id
  std::string version;        ///< dataset version (YYYY.N.P)
  std::string pointer;        ///< JSON Pointer of the record in the dataset file
  std::string reference;      ///< the record's legal or publisher reference
  std::string valid_from;     ///< ISO date, inclusive
  std::string valid_through;  ///< ISO date, inclusive; empty when open-ended
  std::string layer;          ///< the user data file the record came from; empty for base data

  /// One line for people, the legal act first and the record after, as an officer cites it:
  /// "reference (dataset version pointer [from, through])", with ", user data FILE" inside the
  /// brackets for a record of the user's own; the record alone when it has no reference.
  std::string to_string() const {
    std::string record = dataset + " " + version + " " + pointer + " [" + valid_from + ", " +
                         (valid_through.empty() ? std::string("open)") : valid_through + "]");
    if (!layer.empty()) record += ", user data " + layer;
    return reference.empty() ? record : reference + " (" + record + ")";
  }
  /// The legal act first, then the record: "reference (dataset version pointer)".
  std::string citation() const {
    return reference + " (" + dataset + " " + version + " " + pointer +
           (layer.empty() ? std::string() : ", user data " + layer) + ")";
  }

  friend std::ostream& operator<<(std::ostream& os, const provenance& p) {
    return os << p.to_string();
  }
  friend bool operator==(const provenance& a, const provenance& b) {
    return a.dataset == b.dataset && a.version == b.version && a.pointer == b.pointer &&
           a.reference == b.reference && a.valid_from == b.valid_from &&
           a.valid_through == b.valid_through && a.layer == b.layer;
  }
  friend bool operator!=(const provenance& a, const provenance& b) { return !(a == b); }
};

FAIRPORT_END_NAMESPACE
