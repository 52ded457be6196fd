# The command-line tool: the README's main job prints the worked example with these figures
# (2248.20 USD / 1.0850 = 2072.0737... -> 2072.07 EUR rounded once, half up; 187.35 / 1.0850 =
# 172.6728... -> 172.67 EUR per piece, x 12 = 2072.04 EUR when rounded too early).
if(TARGET fairport_cli)
  add_test(NAME cli.example_prints_the_worked_figures COMMAND fairport_cli example)
  set_tests_properties(cli.example_prints_the_worked_figures PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "12 piece x 187\\.35 USD/piece = 2248\\.20 USD.*half_up: 2072\\.07 EUR.*172\\.67 EUR per piece.*make 2072\\.04 EUR")
  add_test(NAME cli.unknown_command_exits_2 COMMAND fairport_cli no-such-command)
  set_tests_properties(cli.unknown_command_exits_2 PROPERTIES LABELS cli WILL_FAIL TRUE)
  add_test(NAME cli.unknown_option_names_its_code COMMAND fairport_cli example --bogus)
  set_tests_properties(cli.unknown_option_names_its_code PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "\\[fairport\\.input\\.106\\] unknown option --bogus")
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
  add_test(NAME cli.data_dir_without_manifest_is_314
    COMMAND fairport_cli data list --data "${PROJECT_SOURCE_DIR}/tests")
  set_tests_properties(cli.data_dir_without_manifest_is_314 PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "\\[fairport\\.data\\.314\\] cannot read dataset file .*manifest\\.json")
endif()
