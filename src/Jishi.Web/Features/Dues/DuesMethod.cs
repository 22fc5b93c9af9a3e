namespace Jishi.Web.Features.Dues;

/// <summary>How a payment was made (交纳方式).</summary>
public enum DuesMethod
{
    Cash,
    WeChat,
    Alipay,
    BankTransfer,
    Other,
}
