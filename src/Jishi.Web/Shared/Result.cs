namespace Jishi.Web.Shared;

/// <summary>An expected failure: <see cref="Code"/> names a resource string (in Resources/SharedResource),
/// formatted with <see cref="Args"/>; <see cref="Status"/> is the HTTP status it maps to.</summary>
public record Error(string Code, int Status, params object[] Args)
{
    public static Error NotFound(string what) => new("NotFound", StatusCodes.Status404NotFound, what);
    public static Error Conflict(string code, params object[] args) => new(code, StatusCodes.Status409Conflict, args);
    public static Error Invalid(string code, params object[] args) => new(code, StatusCodes.Status400BadRequest, args);
}

/// <summary>A problem with one field: <see cref="Code"/> is a resource string formatted with <see cref="Args"/>.</summary>
public sealed record FieldProblem(string Field, string Code, params object[] Args);

/// <summary>A validation failure, answered as 400 with an <c>errors</c> map of field → localized messages, and
/// <see cref="Data"/> as further members of the answer (what the caller may do instead).</summary>
public sealed record ValidationError(IReadOnlyList<FieldProblem> Problems)
    : Error("ValidationFailed", StatusCodes.Status400BadRequest)
{
    public IReadOnlyDictionary<string, object> Data { get; init; } = new Dictionary<string, object>();
}

/// <summary>The outcome of a use case: a value or an <see cref="Error"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
