/// `application/x-www-form-urlencoded` by the WHATWG URL standard's rules.
public enum FormDecoding {
    /// An object of name to value: a repeated name becomes an array of its values in order,
    /// a name without `=` maps to `""`; `+` is a space; an invalid `%` sequence is kept as is;
    /// bytes that are not valid UTF-8 are read as ISO-8859-1. Names in `dropping` are left out.
    public static func decode(_ bytes: ArraySlice<UInt8>, dropping: Set<String> = []) -> JSONValue {
        fatalError("not implemented")
    }
}
