// One reference data and one prepared consignment checker shared by eight threads: every report
// is the single-threaded one, byte for byte (reference data and checkers are immutable and safe
// to share). Run under ThreadSanitizer by the sanitize.thread test.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "fairport/fairport.hpp"
#include "fairport/io/json.hpp"

namespace {

using namespace fairport;

TEST(Threads, EightThreadsShareOneCheckerAndGiveTheSingleThreadedReports) {
  const reference_data& data = reference_data::builtin();
  const consignment_checker checker(data);
  std::vector<consignment> inputs;
  std::vector<std::string> expected;
  for (const auto& name : example_names()) {
    inputs.push_back(read_consignment(example_consignment(name), name).value);
    expected.push_back(to_json(checker.check(inputs.back())));
  }
  ASSERT_FALSE(inputs.empty());
  std::atomic<int> mismatches{0}, checks{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 25; ++round) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          const std::size_t k = (i + static_cast<std::size_t>(t)) % inputs.size();
          if (to_json(checker.check(inputs[k])) != expected[k]) ++mismatches;
          ++checks;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(checks.load(), static_cast<int>(8 * 25 * inputs.size()));
}

}  // namespace
