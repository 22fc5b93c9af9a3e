using Jishi.Web.Features.Wishes;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;

namespace Jishi.UnitTests.Features.Wishes;

public sealed class WishPhotosTests
{
    private static Task<Result<CheckedFile>> CheckAsync(string name, byte[] bytes, long? length = null) =>
        WishPhotos.CheckAsync(new UploadedFile(name, length ?? bytes.Length, new MemoryStream(bytes)), CancellationToken.None);

    [Fact]
    public async Task Check_JpegWithPath_KeepsBareNameAndType()
    {
        var result = await CheckAsync(@"C:\相册\水龙头.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 9]);

        Assert.Equal(("水龙头.JPG", "image/jpeg", 5), (result.Value!.FileName, result.Value.ContentType, result.Value.Content.Length));
    }

    [Theory]
    [InlineData("照片.png", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("照片.exe", new byte[] { 0x4D, 0x5A })]
    [InlineData("照片.jpg", new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    public async Task Check_WrongSignatureOrExtension_PhotoFieldProblem(string name, byte[] bytes)
    {
        var result = await CheckAsync(name, bytes);

        var problem = Assert.Single(Assert.IsType<ValidationError>(result.Error).Problems);
        Assert.Equal(("photo", "Files.BadType.Photos"), (problem.Field, problem.Code));
    }

    [Fact]
    public async Task Check_Empty_PhotoFieldProblem()
    {
        var result = await CheckAsync("空.jpg", []);

        var problem = Assert.Single(Assert.IsType<ValidationError>(result.Error).Problems);
        Assert.Equal(("photo", "Files.Empty"), (problem.Field, problem.Code));
    }

    [Fact]
    public async Task Check_Over10MB_413BeforeReading()
    {
        var result = await CheckAsync("大.jpg", [0xFF, 0xD8, 0xFF], WishFile.MaxBytes + 1);

        Assert.Equal(("Files.TooLarge", 413), (result.Error!.Code, result.Error.Status));
    }
}
