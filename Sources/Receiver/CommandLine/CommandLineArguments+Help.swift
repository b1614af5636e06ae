// The help texts: `callhook --help` and one per command (`callhook COMMAND --help`).
extension CommandLineArguments {
    static let generalHelp = """
        callhook: receives call-event webhooks from hosted PBXs and appends them to a JSON Lines log.

        Usage:
          callhook serve --config FILE [--listen HOST:PORT] [--event-log PATH]
          callhook check-config FILE
          callhook decode --vendor V [--hint H] [--content-type T] [--config FILE] [FILE|-]
          callhook tail [--follow] [--vendor V] [--type T] [--call ID] [--config FILE] [--json] [FILE]
          callhook calls [--json] [FILE]
          callhook stats [--since T] [--until T] [--by G] [--json] [FILE...]
          callhook replay [--config FILE] [LOG]
          callhook vendors [show NAME] [--config FILE]
          callhook --help | COMMAND --help | --version

        Commands:
          serve          run the receiver
          check-config   check a config file and list every problem
          decode         decode one payload offline and print the event
          tail           print events of the log, filtered, as they arrive with --follow
          calls          correlate the log's events into one row a call
          stats          calls, answered, missed, talk time per vendor, route, extension, hour or day
          replay         decode every logged payload again and print the new lines
          vendors        list the vendors (coded, shipped, declared) or show one's definition

        Exit status: 0 success, 2 bad command line or config, 1 anything else.
        """
}

extension CommandLineArguments.CommandName {
    /// What `callhook COMMAND --help` prints.
    var helpText: String {
        switch self {
        case .serve: """
            Usage: callhook serve --config FILE [--listen HOST:PORT] [--event-log PATH]

            Runs the receiver with the config FILE (JSON; see config.example.json).

            Options:
              --config FILE        the config file; relative paths in it are taken from its folder
              --listen HOST:PORT   listen here instead (HOST an IPv4 address or localhost,
                                   or [IPv6]:PORT; port 0 picks a free port and prints it)
              --event-log PATH     append events here instead (relative to the working directory)

            SIGTERM or SIGINT stops it cleanly; SIGHUP reopens the log files after rotation
            and re-reads the config; SIGUSR1 renames both logs to PATH-YYYYMMDDTHHMMSSZ
            (UTC) between two batches and starts new ones.
            Exit status: 0 clean stop, 2 bad command line or config, 1 could not start.
            """
        case .checkConfig: """
            Usage: callhook check-config FILE

            Checks the config FILE and prints every problem with its JSON path
            ($.routes[2].vendor: unknown vendor "foo"), then warnings such as open routes.
            Nothing is opened or bound.

            Exit status: 0 valid (warnings allowed), 2 not valid.
            """
        case .decode: """
            Usage: callhook decode --vendor V [--hint H] [--content-type T] [--config FILE] [FILE|-]

            Decodes one payload, as a route would, and prints the event as JSON.
            Reads FILE, or standard input when FILE is - or left out.

            Options:
              --vendor V           voipnow, urlnetworks, voipstudio, impactpbx, a shipped
                                   vendor (callhook vendors), a vendor of --config, or auto
              --hint H             the event hint, as the path segment after a route's path
              --content-type T     the body's media type; left out, the body is sniffed
                                   ({ or [ is JSON, anything else a form)
              --config FILE        also know the vendors this config file declares

            Exit status: 0 decoded, 1 not decodable (the reason is printed), 2 bad command line.
            """
        case .tail: """
            Usage: callhook tail [--follow] [--vendor V] [--type T] [--call ID] [--config FILE] [--json] [FILE]

            Prints the events of the event log FILE, one line each: time, vendor, type,
            direction, from -> to, outcome.

            Options:
              -f, --follow         keep reading as events arrive, across rotation (like tail -F)
              --vendor V           only this vendor: a built-in one (callhook vendors lists them)
                                   or one the --config file declares
              --type T             only this event type, e.g. call.answered or call.hangup
              --call ID            only events of this call_id
              --config FILE        also know the vendors this config file declares
              --json               print the matching JSON lines as they are
            """
        case .calls: """
            Usage: callhook calls [--json] [FILE]

            Correlates the events of the event log FILE by vendor and call_id into one row a
            call: started, answered, ended, outcome, talk time, from, to, events seen.

            Options:
              --json               one JSON object a call instead of a table
            """
        case .stats: """
            Usage: callhook stats [--since T] [--until T] [--by G] [--json] [FILE...]

            Counts the calls of the event log FILEs (rotated and .gz ones too; events.jsonl
            when none is given) per group: calls, answered, missed (ended any other way;
            calls still open count in calls only), answer rate, total and average talk time,
            average time to answer, busiest hour (UTC). Reads as it goes: memory grows with
            the calls still open, not with the files.

            Options:
              --since T            only calls started at or after T (RFC 3339)
              --until T            only calls started before T (RFC 3339)
              --by G               vendor (default), route, extension, hour or day
              --json               one JSON object a group instead of a table
            """
        case .replay: """
            Usage: callhook replay [--config FILE] [LOG]

            Decodes every line's raw payload of the event log LOG again with the current
            decoders and prints the new lines. The log itself is not touched.

            Options:
              --config FILE        decode declared vendors' lines with this config's definitions
            """
        case .vendors: """
            Usage: callhook vendors [show NAME] [--config FILE]

            Lists every vendor in the order an auto route tries them: name, kind (coded,
            shipped, or declared in the config) and the fields its detect rule needs.
            show NAME prints a shipped or declared definition as JSON, ready to copy into
            the config's "vendors" and adapt.

            Options:
              --config FILE        include the vendors this config file declares

            Exit status: 0 done, 1 a coded vendor has no definition to show,
            2 bad command line, config or vendor name.
            """
        }
    }
}
