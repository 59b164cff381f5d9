using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strive.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue28AgentEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Via",
                table: "GoalEvents",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Via",
                table: "GoalEvents");
        }
    }
}
