// The worked money example printed by `fairport example`.
#include <ostream>
#include <string>

#include "cli.hpp"
#include "fairport/fairport.hpp"

namespace fairport::cli {

int run_example(std::ostream& out) {
  const auto usd = currency_code::parse("USD");
  const auto eur = currency_code::parse("EUR");
  const auto as_of = parse_date("2026-03-16");

  // The example's inputs. The exchange rate is an input of this example (as a consignment may
  // carry its own rate), not a figure from fairport's reference data.
  const unit_price<count> price(money(decimal::parse("187.35"), usd), units::piece);
  const quantity<count> carpets = pieces("12");
  fx_rate_table rates;
  rates.add(validity_interval(parse_date("2026-03-01"), parse_date("2026-03-31")),
            fx_rate(eur, usd, decimal::parse("1.0850"), parse_date("2026-03-01"),
                    "example input: a monthly rate valid 2026-03-01 to 2026-03-31"));
  const rounding_mode mode = rounding_mode::half_up;
  const int places = 2;

  out << "fairport " << FAIRPORT_VERSION_STRING
      << ": a worked money example (exact decimal arithmetic, no binary floating point)\n\n";

  const money line = price * carpets;
  out << "1. Invoice line: felt carpets (shyrdak), Kyrgyzstan -> Germany\n"
      << "   " << carpets.to_string() << " x " << price.to_string() << " = " << line
      << "   (exact)\n\n";

  const fx_rate& rate = rates.at(eur, usd, as_of);
  out << "2. Exchange rate for " << format_date(as_of) << ": " << rate.to_string() << "\n\n";

  const decimal exact = divide(line.amount(), rate.rate(), 30, rounding_mode::down);
  const money converted = rate.convert_to_base(line, places, mode);
  out << "3. Conversion to EUR: " << line << " / " << rate.rate() << "\n"
      << "   = " << exact << "... EUR   (first 30 places)\n"
      << "   rounded once to " << places << " places, " << to_string(mode) << ": " << converted
      << "\n\n";

  const money per_piece = rate.convert_to_base(price.price(), places, mode);
  const money rounded_early = per_piece * carpets.value();
  out << "4. Why round once: converting the unit price first gives " << per_piece
      << " per piece,\n"
      << "   and " << carpets.value() << " of those make " << rounded_early << ", not " << converted
      << ": round once, at the step the rule names.\n";
  return 0;
}

}  // namespace fairport::cli
