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
