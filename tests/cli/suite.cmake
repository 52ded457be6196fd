# The command-line tool: the README's main job prints the worked example with these figures
# (2248.20 USD / 1.0850 = 2072.0737... -> 2072.07 EUR rounded once, half up; 187.35 / 1.0850 =
# 172.6728... -> 172.67 EUR per piece, x 12 = 2072.04 EUR when rounded too early).
if(TARGET fairport_cli)
  add_test(NAME cli.example_prints_the_worked_figures COMMAND fairport_cli example)
  set_tests_properties(cli.example_prints_the_worked_figures PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "12 piece x USD 187\\.35/piece = USD 2248\\.20.*half_up: EUR 2072\\.07.*EUR 172\\.67 per piece.*make EUR 2072\\.04")
  add_test(NAME cli.unknown_command_exits_2 COMMAND fairport_cli no-such-command)
  set_tests_properties(cli.unknown_command_exits_2 PROPERTIES LABELS cli WILL_FAIL TRUE)
  add_test(NAME cli.unknown_option_names_its_code COMMAND fairport_cli example --bogus)
  set_tests_properties(cli.unknown_option_names_its_code PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "\\[fairport\\.input\\.106\\] The following argument was not expected: --bogus.*Usage: fairport example")
endif()

# Reference data on the command line: the built-in datasets are listed with version and source;
# a directory given with --data that has no manifest is a coded data error with exit status 2.
if(TARGET fairport_cli)
  add_test(NAME cli.data_list_names_every_dataset COMMAND fairport_cli data list)
  set_tests_properties(cli.data_list_names_every_dataset PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "\\(builtin\\).*iso3166_countries +2026\\.1\\.0 +249 .*iso4217_currencies.*country_groups")
  add_test(NAME cli.data_show_prints_source_and_licence COMMAND fairport_cli data show country_groups)
  set_tests_properties(cli.data_show_prints_source_and_licence PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "schema: +fairport\\.country_groups/1.*sha256: +[0-9a-f]+.*licence: +EU legislation")
  add_test(NAME cli.data_show_unknown_id_is_314 COMMAND fairport_cli data show no_such_dataset)
  set_tests_properties(cli.data_show_unknown_id_is_314 PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "\\[fairport\\.data\\.314\\] no dataset \"no_such_dataset\"")
  add_test(NAME cli.data_dir_loads_a_directory
    COMMAND fairport_cli data list --data "${PROJECT_SOURCE_DIR}/src/data")
  set_tests_properties(cli.data_dir_loads_a_directory PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "fairport reference data \\(${PROJECT_SOURCE_DIR}/src/data\\)")
  add_test(NAME cli.data_dir_without_manifest_or_datasets_is_314
    COMMAND fairport_cli data list --data "${PROJECT_SOURCE_DIR}/tests")
  set_tests_properties(cli.data_dir_without_manifest_or_datasets_is_314 PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "\\[fairport\\.data\\.314\\] the data directory .*tests has no manifest\\.json and no dataset files")
endif()


# The consignment check: exit status 0 when every line checks cleanly, 1 when a line is not
# originating, not eligible or priced below fair, 2 on bad input (see the spec).
if(TARGET fairport_cli)
  set(_ex "${PROJECT_SOURCE_DIR}/src/examples")
  set(_expect "${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake")
  function(fairport_cli_check name exit regex)
    string(REPLACE ";" "|" _args "${ARGN}")
    add_test(NAME cli.check.${name}
      COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:fairport_cli> "-DARGS=${_args}"
              -DEXIT=${exit} "-DREGEX=${regex}" -P "${_expect}")
    set_tests_properties(cli.check.${name} PROPERTIES LABELS cli)
  endfunction()
  # 4649.04 EUR = 3015.59 + 1633.45, the hand computation of tests/unit/check_test.cpp.
  fairport_cli_check(example_is_clean 0
    "KG-2026-0042.*originating +gsp_plus +2482\\.22 +0\\.00 +481\\.48 +3015\\.59.*total +3826\\.76 +0\\.00 +742\\.28 +4649\\.04.*statement_on_origin: required"
    check --example)
  fairport_cli_check(failing_consignment_exits_1 1
    "not_originating +none \\(gsp_plus\\) +1560\\.00 +104\\.52 +340\\.90 +2045\\.42 +BELOW FAIR \\(paid EUR 9\\.00, fair EUR 30\\.46\\)"
    check "${_ex}/kg_felt_fr_fails.json")
  fairport_cli_check(json_report 0 "\"schema\": \"fairport\\.report/1\".*\"landed_cost\": \\{[^}]*\"amount\": \"4649\\.04\""
    check --example --format json)
  fairport_cli_check(truncated_file_exits_2 2 "\\[fairport\\.consignment\\.401\\] invalid JSON"
    check "${CMAKE_CURRENT_LIST_DIR}/truncated_consignment.json")
  fairport_cli_check(missing_file_exits_2 2 "cannot read the file" check "${_ex}/no_such_file.json")
  # Several files: one bad file is reported, the others still run, and a summary line follows.
  fairport_cli_check(batch_reports_and_continues 2
    "== .*kg_felt_de\\.json.*== .*uz_apricots_nl\\.json.*3 consignments, 2 clean, 0 with a failed check, 1 not checked"
    check "${_ex}/kg_felt_de.json" "${CMAKE_CURRENT_LIST_DIR}/truncated_consignment.json"
    "${_ex}/uz_apricots_nl.json")
  # Eleven bytes whose number is beyond a double: a coded error with its pointer and exit 2, not
  # an abort; in a batch the files after it are still checked.
  fairport_cli_check(number_overflow_exits_2 2
    "\\[fairport\\.consignment\\.401\\] invalid JSON: number overflow parsing '1e400'.*at /a"
    check "${CMAKE_CURRENT_LIST_DIR}/number_overflow.json")
  fairport_cli_check(number_overflow_in_a_batch_is_one_file 2
    "== .*kg_felt_de\\.json.*== .*uz_apricots_nl\\.json.*3 consignments, 2 clean, 0 with a failed check, 1 not checked"
    check "${_ex}/kg_felt_de.json" "${CMAKE_CURRENT_LIST_DIR}/number_overflow.json"
    "${_ex}/uz_apricots_nl.json")
  fairport_cli_check(unknown_format_exits_2 2 "\\[fairport\\.input\\.106\\] --format: pdf not in \\{text,json,html\\}"
    check --example --format pdf)
endif()

# check --lines: independent lines from CSV. The Belastingdienst handbag (EUR 199 + 25 + 10,
# 3 %, VAT 21 %: 7.02 and 50.61) from China, and from Pakistan under GSP+ (free; VAT 49.14);
# a row that cannot be computed carries its code and the others are still written.
if(TARGET fairport_cli)
  fairport_cli_check(lines_csv 2
    "PK,true,NL,EXW,EUR,4202210000,199,25,10,0,,,234\\.00,0\\.00,7\\.02,49\\.14,283\\.14,EUR,gsp_plus,,.*CN,true,NL,EXW,EUR,4202210000,199,25,10,0,,,234\\.00,7\\.02,7\\.02,50\\.61,291\\.63,EUR,none,,.*fairport\\.data\\.301.*4 lines, 2 computed, 2 with errors"
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines.csv")
  # Fail closed (Reg. (EU) No 978/2012, Art. 33(1): the preference is for originating products):
  # the same Pakistani handbag without a proof of origin pays the third-country duty (3 %, 7.02),
  # and an origin_proof that is not true, false or empty is refused with its code, not guessed.
  fairport_cli_check(lines_no_proof 2
    "PK,,NL,EXW,EUR,4202210000,199,25,10,0,,,234\\.00,7\\.02,7\\.02,50\\.61,291\\.63,EUR,none,,.*PK,yes,NL.*fairport\\.input\\.106.*origin_proof.*2 lines, 1 computed, 1 with errors"
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines_no_proof.csv")
  # The same handbag invoiced in USD at the caller's March rate (1 USD = 0.9210 EUR; the
  # February one is older, so not used): 216.07, 27.14 and 10.86 USD convert to 199.00, 25.00
  # and 10.00 EUR (each rounded to the cent, half up), giving the EUR figures again.
  fairport_cli_check(lines_rates 0
    "USD,4202210000,216\\.07,27\\.14,10\\.86,0,,,234\\.00,7\\.02,7\\.02,50\\.61,291\\.63,EUR,none,,.*1 line, 1 computed, 0 with errors"
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines_usd.csv" --rates "${CMAKE_CURRENT_LIST_DIR}/rates.csv")
  # Without a rate of November 2026 (the built-in customs rates end with April 2026) the line
  # fails with 301 naming the month (Implementing Regulation (EU) 2015/2447, Art. 146).
  fairport_cli_check(lines_no_rate 2
    "fairport\\.data\\.301.*USD->EUR for November 2026.*1 line, 0 computed, 1 with errors"
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines_usd_nov.csv")
  # The ECB's own file (here a four-day extract in its layout, CSV or zipped) becomes the monthly
  # customs rates: March 2026 from the fixing of Wednesday 2026-02-18, April from 2026-03-17
  # (none on Wednesday 2026-03-18 in the extract), JPY not quoted on 2026-02-18, CYP left out.
  foreach(_f ecb_mini.csv ecb_mini.zip)
    fairport_cli_check(data_import_${_f} 0
      "\"valid_from\": \"2026-03-01\".*\"published\": \"2026-02-18\".*\"USD\": \"1\\.0800\".*\"published\": \"2026-03-17\".*\"JPY\": \"159\\.90\".*2 monthly customs rates \\(3 rates\\)"
      data import ecb "${CMAKE_CURRENT_LIST_DIR}/${_f}")
  endforeach()
  # The imported file (written by `data import ecb ecb_mini.zip -o ecb_mini_rates.json`) replaces
  # the built-in rates with --dataset: April 2026 at 1 EUR = 1.0850 USD, so 216.07 / 1.0850 =
  # 199.14, 27.14 / 1.0850 = 25.01, 10.86 / 1.0850 = 10.01, customs value 234.16 EUR.
  fairport_cli_check(lines_with_imported_rates 0
    "2026-04-16,CN,NL,EXW,USD,4202210000,216\\.07,27\\.14,10\\.86,0,,,234\\.16,"
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines_usd_apr.csv"
    --dataset "${CMAKE_CURRENT_LIST_DIR}/ecb_mini_rates.json")
  # Dried apricots into Germany take the food rate (UStG § 12(2) no. 1 with Anlage 2 no. 11):
  # (1000.00 + 56.00 duty) x 7 % = 73.92, not 200.64 at 19 % (which a declared "standard"
  # still gives); an unknown category fails its row only; into the Netherlands 9 %: 95.04.
  fairport_cli_check(lines_vat_by_goods 2
    "0813100000,1000,,1000\\.00,56\\.00,56\\.00,73\\.92,1129\\.92.*,standard,1000\\.00,56\\.00,56\\.00,200\\.64,.*,food,.*fairport\\.input\\.106.*NL,DAP,EUR,0813100000,1000,,1000\\.00,56\\.00,56\\.00,95\\.04"
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines_vat.csv")
  # An output path that cannot be written is an error with its code, before any work (before:
  # nothing was written and the exit status was 0 for a clean file).
  fairport_cli_check(lines_output_unwritable 2 "fairport\\.input\\.106\\] cannot write /nonexistent/"
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines_usd.csv" --rates "${CMAKE_CURRENT_LIST_DIR}/rates.csv"
    -o /nonexistent/fairport/out.csv)
  fairport_cli_check(version_option 0 "^fairport [0-9]+\\.[0-9]+\\.[0-9]+" --version)
  fairport_cli_check(data_alone_names_its_subcommands 2 "fairport data: give list, show ID, check DIR, diff DIR or import.*Usage: fairport data \\[OPTIONS\\] \\[SUBCOMMAND\\].*list +the loaded datasets.*import +turn a publisher's file" data)
  # A misspelt optional column is refused, not ignored (the freight would be lost).
  fairport_cli_check(lines_misspelt_column 2
    "fairport\\.input\\.106.*freight_to_boarder.*did you mean \"freight_to_border\""
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines_misspelt.csv")
  fairport_cli_check(data_import_not_ecb 2 "fairport\\.consignment\\.401.*not the ECB's eurofxref-hist\\.csv"
    data import ecb "${CMAKE_CURRENT_LIST_DIR}/lines_usd.csv")
  # A rate written with a decimal comma is refused with its code, file and row.
  fairport_cli_check(lines_bad_rates 2 "\\[fairport\\.input\\.101\\].*bad_rates\\.csv row 2"
    check --lines "${CMAKE_CURRENT_LIST_DIR}/lines_usd.csv" --rates "${CMAKE_CURRENT_LIST_DIR}/bad_rates.csv")
  # A directory stands for its consignment files.
  fairport_cli_check(directory 1 "7 consignments, 6 clean, 1 with a failed check, 0 not checked"
    check "${PROJECT_SOURCE_DIR}/src/examples")
endif()

# The vocabularies of the document, with the legal text each value stands for (Delegated
# Regulation (EU) 2015/2446, Art. 47(1)(k) for simple_packaging); an unknown name is 106.
if(TARGET fairport_cli)
  add_test(NAME cli.vocab_lists_the_vocabularies COMMAND fairport_cli vocab)
  set_tests_properties(cli.vocab_lists_the_vocabularies PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "operations +lines\\[\\]\\.origin\\.operations\\[\\].*cumulation.*unit.*incoterm")
  add_test(NAME cli.vocab_operations_quotes_article_47
    COMMAND fairport_cli vocab operations --as-of 2026-03-01)
  set_tests_properties(cli.vocab_operations_quotes_article_47 PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "insufficient:.*simple_packaging\n +\\(k\\) simple placing in bottles.*\\[Commission Delegated Regulation \\(EU\\) 2015/2446, Art\\. 47\\(1\\)\\(k\\).*list_rule_process:.*making_up.*working:.*felting")
  add_test(NAME cli.vocab_unknown_name_is_106 COMMAND fairport_cli vocab colours)
  set_tests_properties(cli.vocab_unknown_name_is_106 PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "\\[fairport\\.input\\.106\\] no vocabulary \"colours\"; the vocabularies: operations, cumulation")
endif()

# A user's own data: one duty record in a file of their own, in a directory given with --data
# (or FAIRPORT_DATA), no manifest and no checksum step. The shyrdak (felt carpet, 5704 90 00)
# is priced with it: customs value 2629.46 (USD 2400 + 420 + 35 at 0.9210), 6.7 % duty 176.17,
# and the figure and the report say that it came from the user's file.
if(TARGET fairport_cli)
  set(_user "${CMAKE_CURRENT_LIST_DIR}/user_data")
  fairport_cli_check(user_data_record_is_used_and_marked 1
    "1 +- +none \\(gsp_plus\\) +2629\\.46 +176\\.17 .*6,7 %.*user data [^]]*felt_carpets\\.json\\).*user data \\(edited reference data.*eu_cct_erga_omnes: [^ ]*felt_carpets\\.json \\(version 2026\\.11\\.1, sha256 [0-9a-f]+, 1 record added"
    check "${CMAKE_CURRENT_LIST_DIR}/shyrdak_de.json" --verbose --data "${_user}")
  fairport_cli_check(user_data_from_the_environment 1
    "\"layers\": \\[[ \n{]*\"file\": \"[^\"]*felt_carpets\\.json\".*\"layer\": \"[^\"]*felt_carpets\\.json\""
    check "${CMAKE_CURRENT_LIST_DIR}/shyrdak_de.json" --format json)
  set_tests_properties(cli.check.user_data_from_the_environment PROPERTIES
    ENVIRONMENT "FAIRPORT_DATA=${_user}")
  fairport_cli_check(data_check_loads_a_user_directory 0
    "eu_cct_erga_omnes: [^ ]*felt_carpets\\.json \\(version 2026\\.11\\.1.*loads \\([0-9]+ datasets, 1 user file\\)"
    data check "${_user}")
  fairport_cli_check(data_diff_says_what_a_user_file_changes 0
    "eu_cct_erga_omnes [^ ]*felt_carpets\\.json /records/0 \\{\"cn_range\":\\[\"5704900000\",\"5704909999\"\\]\\} \\[2026-01-01, open\\): replaces [^ ]*eu_cct_erga_omnes\\.json /records/[0-9]+ \\[2026-01-01, 2026-12-31\\] for these days"
    data diff "${_user}")
endif()

# The tariff search: an adviser who does not know the code finds it by words (CN 2026
# descriptions), and sees one code's duty, GSP coverage and list rule on a date.
if(TARGET fairport_cli)
  fairport_cli_check(tariff_search_felt_slippers 0
    "^6405 20 91 +FOOTWEAR[^\n]*Slippers and other indoor footwear\n +third-country duty: 4 %"
    tariff search felt slippers --as-of 2026-11-20)
  fairport_cli_check(tariff_search_felt_carpet 0 "^5704 .*\n5704 90 00 +CARPETS"
    tariff search felt carpet)
  fairport_cli_check(tariff_search_dried_apricots 0 "^0813 10 00 .*> Apricots"
    tariff search dried apricots)
  fairport_cli_check(tariff_show_felt_slippers 0
    "CN 6405 20 91 00 on 2026-11-20.*third-country duty: 4 %.*Annex V\\): sensitive, GSP section S-12a.*Annex IX\\): listed.*EBA \\(Art\\. 18\\(1\\)\\): covered.*ex Chapter 64.*assemblies of uppers"
    tariff show 6405209100 --as-of 2026-11-20)
  fairport_cli_check(tariff_show_needs_a_date 2 "\\[fairport\\.input\\.106\\] tariff show needs --as-of"
    tariff show 6405209100)
endif()

# fairport data import xi-tariff: UK Trade Tariff API v2 (XI) responses become a user's data file
# for eu_cct_erga_omnes; every measure is mapped, kept as not computable, a GSP preference or
# named out of scope (fixtures in the API's format: tests/data/xi/).
if(TARGET fairport_cli)
  fairport_cli_check(data_import_xi_tariff_accounts_for_every_measure 0
    "\"dataset\": \"eu_cct_erga_omnes\".*\"ad_valorem\": \"0\\.091\".*not_computable: \"9\\.00 % \\+ EA MAX 24\\.20 % \\+ADSZ\"; duty expression 12.*3 responses \\(1 \"not found\"\\), 2 commodities, 4 measures: 1 gsp_preference, 1 mapped, 1 not_computable, 1 out_of_scope; 2 records written \\(read 2026-11-20\\)"
    data import xi-tariff "${PROJECT_SOURCE_DIR}/tests/data/xi")
endif()

# The lines CSV reader: spreadsheet dialects, unknown columns, and output that does not depend on
# the chunk size of the streaming reader.
if(TARGET fairport_cli_commands)
  add_executable(lines_csv_test "${CMAKE_CURRENT_LIST_DIR}/lines_csv_test.cpp")
  target_link_libraries(lines_csv_test PRIVATE fairport_cli_commands GTest::gtest_main)
  fairport_set_warnings(lines_csv_test)
  gtest_discover_tests(lines_csv_test TEST_PREFIX "cli." PROPERTIES LABELS cli DISCOVERY_TIMEOUT 60)
endif()

# The progress line of --lines: in a terminal (a tmux pane) it is drawn, without one it is not.
if(TARGET fairport_cli)
  add_test(NAME cli.lines_progress_bar_in_a_terminal
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/progress_bar.sh" $<TARGET_FILE:fairport_cli>
            "${CMAKE_CURRENT_BINARY_DIR}/progress_bar")
  set_tests_properties(cli.lines_progress_bar_in_a_terminal PROPERTIES LABELS cli TIMEOUT 120)
endif()

# The command line's conventions: every command has its --help (the options, and for --lines the
# CSV columns and their formats), a command without what it needs prints its help and exits 2,
# output paths are checked before any work (nothing written on error), and each CSV option of
# --lines does what its help says.
if(TARGET fairport_cli)
  set(_c "${CMAKE_CURRENT_LIST_DIR}")
  set(_w "${CMAKE_CURRENT_BINARY_DIR}/cli_conventions")
  file(MAKE_DIRECTORY "${_w}")
  function(fairport_cli_expect name exit regex)
    cmake_parse_arguments(_x "" "INPUT;ABSENT" "" ${ARGN})
    string(REPLACE ";" "|" _args "${_x_UNPARSED_ARGUMENTS}")
    set(_extra)
    if(_x_INPUT)
      list(APPEND _extra "-DINPUT=${_x_INPUT}")
    endif()
    if(_x_ABSENT)
      list(APPEND _extra "-DABSENT=${_x_ABSENT}")
    endif()
    add_test(NAME cli.conventions.${name}
      COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:fairport_cli> "-DARGS=${_args}"
              -DEXIT=${exit} "-DREGEX=${regex}" ${_extra} -P "${_c}/expect_exit.cmake")
    set_tests_properties(cli.conventions.${name} PROPERTIES LABELS cli)
  endfunction()
  # Help: exit 0, on standard output, for every command.
  fairport_cli_expect(help 0 "Usage: fairport \\[OPTIONS\\] \\[SUBCOMMAND\\].*check.*tariff.*Exit status: 0" --help)
  fairport_cli_expect(help_command 0 "Usage: fairport \\[OPTIONS\\]" help)
  fairport_cli_expect(check_help 0
    "Usage: fairport check \\[OPTIONS\\] \\[FILE_OR_DIR\\.\\.\\.\\].*--format FORMAT.*-o,--output PATH.*--lines FILE\\.csv.*--rates RATES\\.csv.*--delimiter SEP.*--decimal point\\|comma.*--decimal-comma.*--keep-column NAME.*--data DIR.*--dataset FILE.*as_of +YYYY-MM-DD.*invoice_value +the invoice amount.*origin_proof +true.*187,35.*Exit status: 0"
    check --help)
  foreach(_cmd "data" "data|import" "data|import|xi-tariff" "data|show" "tariff" "tariff|show" "vocab" "example")
    string(REPLACE "|" "_" _n "${_cmd}")
    string(REPLACE "|" " " _u "${_cmd}")
    string(REPLACE "|" ";" _a "${_cmd}")
    fairport_cli_expect(help_${_n} 0 "Usage: fairport ${_u} \\[OPTIONS\\]" ${_a} --help)
  endforeach()
  fairport_cli_expect(version_short 0 "^fairport [0-9]+\\.[0-9]+\\.[0-9]+\n$" -V)
  fairport_cli_expect(version_command 0 "^fairport [0-9]+\\.[0-9]+\\.[0-9]+\n$" version)
  # A command without what it needs: its help on standard error, exit 2.
  fairport_cli_expect(no_command 2 "Usage: fairport \\[OPTIONS\\] \\[SUBCOMMAND\\]")
  fairport_cli_expect(check_alone 2
    "fairport check: give consignment files \\(or a directory\\), --example or --lines FILE\\.csv.*Usage: fairport check"
    check)
  fairport_cli_expect(data_import_alone 2 "fairport import: give ecb FILE or xi-tariff.*Usage: fairport data import" data import)
  fairport_cli_expect(tariff_alone 2 "fairport tariff: give search WORDS\\.\\.\\. or show CODE.*Usage: fairport tariff" tariff)
  fairport_cli_expect(data_show_alone 2 "\\[fairport\\.input\\.106\\] ID is required.*Usage: fairport data show" data show)
  fairport_cli_expect(data_import_ecb_alone 2 "\\[fairport\\.input\\.106\\] FILE is required.*Usage: fairport data import ecb" data import ecb)
  fairport_cli_expect(unknown_command 2 "\\[fairport\\.input\\.106\\] The following argument was not expected: no-such-command" no-such-command)
  fairport_cli_expect(option_needs_a_value 2 "\\[fairport\\.input\\.106\\] .*--lines" check --lines)
  fairport_cli_expect(bad_delimiter 2 "\\[fairport\\.input\\.106\\] --delimiter: x not in" check --lines "${_c}/lines.csv" --delimiter x)
  # Output paths, checked before any work: nothing is written, exit 2.
  fairport_cli_expect(output_in_a_missing_directory 2
    "^fairport: \\[fairport\\.input\\.106\\] cannot write /nonexistent/fairport/report\\.html: the directory /nonexistent/fairport does not exist\n$"
    check --example --format html -o /nonexistent/fairport/report.html)
  fairport_cli_expect(output_is_a_directory 2 "\\[fairport\\.input\\.106\\] cannot write .*: it is a directory"
    check --example -o "${_w}")
  fairport_cli_expect(import_output_in_a_missing_directory 2 "cannot write /nonexistent/rates\\.json: the directory /nonexistent does not exist"
    data import ecb "${_c}/ecb_mini.csv" -o /nonexistent/rates.json)
  fairport_cli_expect(bad_lines_header_writes_nothing 2 "\\[fairport\\.consignment\\.401\\] the header has no column \"as_of\"" 
    check --lines "${_c}/rates.csv" -o "${_w}/not_written.csv" ABSENT "${_w}/not_written.csv")
  fairport_cli_expect(unknown_column_writes_nothing 2
    "column \"line_ref\" is not a column of the lines form\\. The columns are: as_of, exporter_country, .*--keep-column line_ref"
    check --lines "${_c}/lines_excel.csv" -o "${_w}/not_written2.csv" ABSENT "${_w}/not_written2.csv")
  # CSV as spreadsheets write it: a ;-separated file with decimal commas, a byte-order mark and
  # CRLF, read exactly (199,50 + 25 + 10 = 234,50; 21 % VAT of 234,50 + 7,04 duty saved... GSP+
  # 0 %: 49,25) and written back in its own dialect; the negative amount fails its row.
  fairport_cli_expect(lines_excel_dialect 2
    "as_of;exporter_country;.*;line_ref;customs_value;duty;.*A-1;234,50;0,00;7,04;49,25;283,75;EUR;gsp_plus;;.*A-2;;;;;;;none;fairport\\.input\\.106;.*invoice_value cannot be negative.*2 lines, 1 computed, 1 with errors"
    check --lines "${_c}/lines_excel.csv" --keep-column line_ref)
  fairport_cli_expect(lines_delimiter_given 2
    "the header has no column \"as_of\" \\(the header has one column: is the file separated by another delimiter"
    check --lines "${_c}/lines_excel.csv" --keep-column line_ref --delimiter ,)
  fairport_cli_expect(lines_decimal_point_given 2
    "A-1;;;;;;;none;fairport\\.input\\.106;.*has a decimal comma; read the file with --decimal-comma"
    check --lines "${_c}/lines_excel.csv" --keep-column line_ref --decimal point)
  fairport_cli_expect(lines_decimal_comma_flag 0 "^as_of,.*,\"199,50\",25,10,0,\"234,50\",\"0,00\",\"7,04\",\"49,25\",\"283,75\",EUR,gsp_plus,,\n"
    check --lines "${_c}/lines_quoted_comma.csv" --decimal-comma)
  fairport_cli_expect(lines_from_standard_input 2 "A-1;234,50;.*2 lines, 1 computed"
    check --lines - --keep-column line_ref INPUT "${_c}/lines_excel.csv")
  fairport_cli_expect(lines_to_a_file 2 "^fairport check --lines: 2 lines, 1 computed, 1 with errors\n$"
    check --lines "${_c}/lines_excel.csv" --keep-column line_ref -o "${_w}/excel_out.csv")
endif()
