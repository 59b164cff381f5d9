using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Strive.Web.Tests.Persistence;

/// <summary>Microsoft's own T-SQL parser, for the SQL Server 2022 dialect (TSql160), quoted identifiers on as EF emits them.</summary>
internal static class TSql
{
    /// <summary>Every parse error in <paramref name="sql"/>, as "line:column message" (none means it parsed).</summary>
    public static IReadOnlyList<string> Errors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"{e.Line}:{e.Column} {e.Message}").ToList();
    }
}
